using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Orders;

namespace CodeScan.Application.Issuance;

/// <summary>
/// Issues cards, coupons and stored value. Runs inside the caller's transaction: an error returned here
/// makes the unit of work roll back everything, including a coupon-stock increment already made.
/// </summary>
/// <remarks>
/// The front door: it checks that the merchant may sell now, then hands the item to the quoter or to the
/// issuer of its kind.
/// </remarks>
public sealed class InstrumentIssuer(
    IApplicationDbContext db,
    ItemQuoter quoter,
    CardIssuer cards,
    CouponIssuer coupons,
    RechargeIssuer recharges,
    TimeProvider clock) : IInstrumentIssuer
{
    public async Task<Result<ItemQuote>> QuoteAsync(MerchantId merchantId, CatalogItemRef item, CancellationToken cancellationToken)
    {
        var found = await SellingMerchantAsync(merchantId, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        return await quoter.QuoteAsync(merchantId, item, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<Result<IssuedInstrument>> IssueAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        var found = await SellingMerchantAsync(request.MerchantId, cancellationToken);
        if (found.Error is { } error)
        {
            return error;
        }

        var merchant = found.Value!;
        var now = clock.GetUtcNow();
        return request.Item.Kind switch
        {
            OrderItemKind.CardProduct => await cards.IssueAsync(merchant, request, now, cancellationToken),
            OrderItemKind.CouponTemplate => await coupons.IssueAsync(merchant, request, now, cancellationToken),
            OrderItemKind.RechargePlan => await recharges.IssueAsync(merchant, request, now, cancellationToken),
            _ => Error.Invalid("Unknown item kind.", "item"),
        };
    }

    private async Task<Result<Merchant>> SellingMerchantAsync(MerchantId merchantId, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToReadAsync(merchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        if (merchant.Terms.Refusal(Trade.Sale) is { } refused)
        {
            return refused;
        }

        return merchant;
    }
}
