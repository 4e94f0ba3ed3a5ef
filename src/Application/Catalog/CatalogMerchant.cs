using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Catalog;

internal static class CatalogMerchant
{
    /// <summary>The merchant a catalog change is for: it must exist and not be rejected or suspended.</summary>
    public static async Task<Result<Merchant>> FindAsync(IApplicationDbContext db, MerchantId merchantId, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == merchantId, cancellationToken);
        if (merchant is null)
        {
            return Error.NotFound("The merchant", "merchantId");
        }

        return merchant.Status is MerchantStatus.Rejected or MerchantStatus.Suspended
            ? new Error(ErrorCode.MerchantNotApproved, "A rejected or suspended merchant cannot change its catalog.", "merchantId")
            : merchant;
    }
}
