using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;

namespace CodeScan.Application.Issuance;

/// <summary>
/// What a catalog item costs, or why it cannot be bought now. Issuing checks the same again: stock and
/// validity may change between the quote and the payment.
/// </summary>
public sealed class ItemQuoter(IApplicationDbContext db)
{
    public async Task<Result<ItemQuote>> QuoteAsync(MerchantId merchantId, CatalogItemRef item, DateTimeOffset now, CancellationToken cancellationToken) =>
        item.Kind switch
        {
            OrderItemKind.CardProduct => await CardAsync(merchantId, item, now, cancellationToken),
            OrderItemKind.CouponTemplate => await CouponAsync(merchantId, item, now, cancellationToken),
            OrderItemKind.RechargePlan => await RechargeAsync(merchantId, item, cancellationToken),
            _ => Error.Invalid("Unknown item kind.", "item"),
        };

    private async Task<Result<ItemQuote>> CardAsync(MerchantId merchantId, CatalogItemRef item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await CatalogShelf.FindAsync(db.CardProducts, merchantId, item.ItemId, cancellationToken);
        return product is null ? CatalogShelf.UnknownItem("card product")
            : CatalogShelf.SellableError(product, product.Validity, now) is { } cardError ? cardError
            : new ItemQuote(item.Kind, product.Id, product.Name, product.Price, product.Currency);
    }

    private async Task<Result<ItemQuote>> CouponAsync(MerchantId merchantId, CatalogItemRef item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = await CatalogShelf.FindAsync(db.CouponTemplates, merchantId, item.ItemId, cancellationToken);
        if (template is null)
        {
            return CatalogShelf.UnknownItem("coupon template");
        }

        if (CatalogShelf.SellableError(template, template.Validity, now) is { } couponError)
        {
            return couponError;
        }

        if (template.IsFree)
        {
            return Error.Invalid("This coupon is free: claim it with `claimCoupon` instead of buying it.", "item");
        }

        return template.IssuedCount >= template.TotalStock
            ? CatalogShelf.SoldOut()
            : new ItemQuote(item.Kind, template.Id, template.Name, template.Price, template.Currency);
    }

    private async Task<Result<ItemQuote>> RechargeAsync(MerchantId merchantId, CatalogItemRef item, CancellationToken cancellationToken)
    {
        var plan = await CatalogShelf.FindAsync(db.RechargePlans, merchantId, item.ItemId, cancellationToken);
        if (plan is null)
        {
            return CatalogShelf.UnknownItem("recharge plan");
        }

        var amount = item.Amount ?? 0;
        var bonus = plan.BonusFor(amount);
        return bonus.IsSuccess ? new ItemQuote(item.Kind, plan.Id, plan.Name, amount, plan.Currency) : bonus.Error!;
    }
}
