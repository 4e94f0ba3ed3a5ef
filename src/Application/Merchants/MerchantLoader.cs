using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants;

/// <summary>Reads merchants with their staff's phone numbers, for the DTOs every merchant use case returns.</summary>
public static class MerchantLoader
{
    public static async Task<MerchantDto> ToDtoAsync(this IApplicationDbContext db, Merchant merchant, CancellationToken cancellationToken)
    {
        var ids = merchant.Staff.Where(s => s.IsActive).Select(s => s.UserId).ToList();
        var phones = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Phone })
            .ToListAsync(cancellationToken);
        return MerchantDto.From(merchant, phones.ToDictionary(p => p.Id.Value, p => p.Phone.Value));
    }

    public static Task<Merchant?> FindMerchantAsync(this IApplicationDbContext db, MerchantId id, CancellationToken cancellationToken) =>
        db.Merchants.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
}
