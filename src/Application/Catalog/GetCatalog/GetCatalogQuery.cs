using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Catalog.GetCatalog;

/// <summary>
/// What a merchant offers. Customers see what is on sale; the merchant's staff also see paused and
/// archived items.
/// </summary>
public sealed record GetCatalogQuery(MerchantId MerchantId) : IQuery<CatalogDto?>, IRequireSignedIn;

public sealed class GetCatalogHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetCatalogQuery, CatalogDto?>
{
    public async ValueTask<CatalogDto?> Handle(GetCatalogQuery query, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.MerchantId, cancellationToken);
        if (merchant is null)
        {
            return null;
        }

        var everything = currentUser.IsPlatformAdmin || merchant.IsStaff(currentUser.RequiredId);
        var cards = await db.CardProducts.AsNoTracking()
            .Where(p => p.MerchantId == query.MerchantId && (everything || p.Status == CatalogItemStatus.Active))
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var coupons = await db.CouponTemplates.AsNoTracking()
            .Where(t => t.MerchantId == query.MerchantId && (everything || t.Status == CatalogItemStatus.Active))
            .OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var plans = await db.RechargePlans.AsNoTracking()
            .Where(p => p.MerchantId == query.MerchantId && (everything || p.Status == CatalogItemStatus.Active))
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return new CatalogDto(
            cards.Select(CardProductDto.From).ToList(),
            coupons.Select(CouponTemplateDto.From).ToList(),
            plans.Select(RechargePlanDto.From).ToList());
    }
}
