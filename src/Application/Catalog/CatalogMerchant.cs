using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Catalog;

internal static class CatalogMerchant
{
    /// <summary>The merchant a catalog change is for: it must exist and not be rejected or suspended.</summary>
    public static async Task<Result<Merchant>> FindAsync(IApplicationDbContext db, MerchantId merchantId, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToReadAsync(merchantId, cancellationToken);
        return found.Value?.Status is MerchantStatus.Rejected or MerchantStatus.Suspended
            ? new Error(ErrorCode.MerchantNotApproved, "A rejected or suspended merchant cannot change its catalog.", "merchantId")
            : found;
    }
}
