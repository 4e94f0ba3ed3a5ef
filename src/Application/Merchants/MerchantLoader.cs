using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Merchants;

/// <summary>Reads merchants with their staff's phone numbers, for the DTOs every merchant use case returns.</summary>
public static class MerchantLoader
{
    public static async Task<MerchantDto> ToDtoAsync(this IApplicationDbContext db, Merchant merchant, CancellationToken cancellationToken) =>
        (await db.ToDtosAsync([merchant], cancellationToken))[0];

    /// <summary>DTOs for many merchants, with one query for all their staff's phone numbers.</summary>
    public static async Task<IReadOnlyList<MerchantDto>> ToDtosAsync(this IApplicationDbContext db, IReadOnlyList<Merchant> merchants, CancellationToken cancellationToken)
    {
        var ids = merchants.SelectMany(m => m.Staff).Where(s => s.IsActive).Select(s => s.UserId).Distinct().ToList();
        var phones = (await db.Users.AsNoTracking()
                .Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Phone })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id.Value, p => p.Phone.Value);
        return merchants.Select(m => MerchantDto.From(m, phones)).ToList();
    }

    /// <summary>A merchant's DTO, read without tracking; null for an unknown merchant. What <c>merchant(id)</c> and <c>node(id)</c> answer.</summary>
    public static async Task<MerchantDto?> LoadDtoAsync(this IApplicationDbContext db, MerchantId id, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return merchant is null ? null : await db.ToDtoAsync(merchant, cancellationToken);
    }
}
