using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Wallets;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Orders;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Issuance;

/// <summary>
/// Issues cards, coupons and stored value. Runs inside the caller's transaction: an error returned here
/// makes the unit of work roll back everything, including a coupon-stock increment already made.
/// </summary>
public sealed class InstrumentIssuer(IApplicationDbContext db, ILedger ledger, TimeProvider clock) : IInstrumentIssuer
{
    public async Task<Result<ItemQuote>> QuoteAsync(MerchantId merchantId, CatalogItemRef item, CancellationToken cancellationToken)
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

        var now = clock.GetUtcNow();
        switch (item.Kind)
        {
            case OrderItemKind.CardProduct:
                var product = await FindAsync(db.CardProducts, merchantId, item.ItemId, cancellationToken);
                return product is null ? UnknownItem("card product")
                    : SellableError(product, product.Validity, now) is { } cardError ? cardError
                    : new ItemQuote(item.Kind, product.Id, product.Name, product.Price, product.Currency);
            case OrderItemKind.CouponTemplate:
                var template = await FindAsync(db.CouponTemplates, merchantId, item.ItemId, cancellationToken);
                if (template is null)
                {
                    return UnknownItem("coupon template");
                }

                if (SellableError(template, template.Validity, now) is { } couponError)
                {
                    return couponError;
                }

                if (template.IsFree)
                {
                    return Error.Invalid("This coupon is free: claim it with `claimCoupon` instead of buying it.", "item");
                }

                return template.IssuedCount >= template.TotalStock
                    ? SoldOut()
                    : new ItemQuote(item.Kind, template.Id, template.Name, template.Price, template.Currency);
            case OrderItemKind.RechargePlan:
                var plan = await FindAsync(db.RechargePlans, merchantId, item.ItemId, cancellationToken);
                if (plan is null)
                {
                    return UnknownItem("recharge plan");
                }

                var amount = item.Amount ?? 0;
                var bonus = plan.BonusFor(amount);
                return bonus.IsSuccess ? new ItemQuote(item.Kind, plan.Id, plan.Name, amount, plan.Currency) : bonus.Error!;
            default:
                return Error.Invalid("Unknown item kind.", "item");
        }
    }

    public async Task<Result<IssuedInstrument>> IssueAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToReadAsync(request.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        if (merchant.Terms.Refusal(Trade.Sale) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        return request.Item.Kind switch
        {
            OrderItemKind.CardProduct => await IssueCardAsync(merchant, request, now, cancellationToken),
            OrderItemKind.CouponTemplate => await IssueCouponAsync(merchant, request, now, cancellationToken),
            OrderItemKind.RechargePlan => await RechargeAsync(merchant, request, now, cancellationToken),
            _ => Error.Invalid("Unknown item kind.", "item"),
        };
    }

    private async Task<Result<IssuedInstrument>> IssueCardAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await FindAsync(db.CardProducts, merchant.Id, request.Item.ItemId, cancellationToken);
        if (product is null)
        {
            return UnknownItem("card product");
        }

        if (SellableError(product, product.Validity, now) is { } error)
        {
            return error;
        }

        if (request.Source == IssueSource.FreeClaim)
        {
            return Error.Invalid("Cards are sold, not claimed: buy it with `purchase`.", "item");
        }

        var card = Card.Issue(product, request.CustomerId, request.Source, request.OrderId, request.StaffId, now, await MaskedPhoneAsync(request.CustomerId, cancellationToken), product.Price);
        await PostSaleAsync(merchant, card.Id, TransferKind.CardSale, product.Price, now, cancellationToken);
        db.Cards.Add(card);

        // Times-card uses live on the card (UsesGranted) for now; a unit account per card is future work (ADR 0007).
        return new IssuedInstrument(
            InstrumentKind.Card, card.Id, merchant.Id.Value, request.CustomerId.Value, card.Name, product.Price, 0, product.Currency,
            request.Source, card.ValidFrom, card.ExpiresAt, card.UsesGranted, card.PayRateBasisPoints, now);
    }

    private async Task<Result<IssuedInstrument>> IssueCouponAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = await FindAsync(db.CouponTemplates, merchant.Id, request.Item.ItemId, cancellationToken);
        if (template is null)
        {
            return UnknownItem("coupon template");
        }

        if (SellableError(template, template.Validity, now) is { } error)
        {
            return error;
        }

        if (request.Source == IssueSource.FreeClaim && !template.IsFree)
        {
            return new Error(ErrorCode.PaymentRequired, "This coupon has a price: buy it with `purchase` instead of claiming it.", "couponTemplateId");
        }

        // The guarded update takes one unit of stock and holds the template row until commit, so claims
        // on one template run one after another and the count below sees every earlier claim.
        var templateId = template.Id;
        var taken = await db.CouponTemplates
            .Where(t => t.Id == templateId && t.IssuedCount < t.TotalStock && t.Status == CatalogItemStatus.Active)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.IssuedCount, x => x.IssuedCount + 1), cancellationToken);
        if (taken != 1)
        {
            return SoldOut();
        }

        var customerId = request.CustomerId;
        var held = await db.Coupons.CountAsync(c => c.TemplateId == templateId && c.CustomerId == customerId, cancellationToken);
        if (held >= template.PerCustomerLimit)
        {
            // Returning an error rolls the stock increment back with everything else.
            return new Error(ErrorCode.CustomerLimitReached, $"This coupon is limited to {template.PerCustomerLimit} per customer.", "couponTemplateId");
        }

        var paid = request.Source == IssueSource.FreeClaim ? 0 : template.Price;
        var coupon = Coupon.Issue(template, customerId, request.Source, request.OrderId, request.StaffId, now, await MaskedPhoneAsync(customerId, cancellationToken), paid);
        await PostSaleAsync(merchant, coupon.Id, TransferKind.CouponSale, paid, now, cancellationToken);
        db.Coupons.Add(coupon);

        return new IssuedInstrument(
            InstrumentKind.Coupon, coupon.Id, merchant.Id.Value, customerId.Value, coupon.Name, paid, 0, template.Currency,
            request.Source, coupon.ValidFrom, coupon.ExpiresAt, null, null, now);
    }

    private async Task<Result<IssuedInstrument>> RechargeAsync(Merchant merchant, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(db.RechargePlans, merchant.Id, request.Item.ItemId, cancellationToken);
        if (plan is null)
        {
            return UnknownItem("recharge plan");
        }

        if (request.Source == IssueSource.FreeClaim)
        {
            return Error.Invalid("Stored value is bought, not claimed.", "item");
        }

        var amount = request.Item.Amount ?? 0;
        var bonus = plan.BonusFor(amount);
        if (!bonus.IsSuccess)
        {
            return bonus.Error!;
        }

        // Find also sees a customer registered earlier in this unit of work (a new number at the counter).
        var customer = await db.Users.FindAsync([request.CustomerId], cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("The customer", "customerId");
        }

        var recharge = request.OrderId is { } orderId
            ? Recharge.ForPaidOrder(merchant, customer.Id, orderId, new Money(amount, merchant.Currency), new Money(bonus.Value, merchant.Currency), now)
            : Recharge.AtCounter(
                merchant, customer.Id, request.StaffId ?? throw new InvalidOperationException("A recharge is either paid by an order or recorded by staff."),
                new Money(amount, merchant.Currency), new Money(bonus.Value, merchant.Currency), now);
        if (!recharge.IsSuccess)
        {
            return recharge.Error!;
        }

        var value = recharge.Value!;
        await RechargeLedger.CreditAsync(db, ledger, merchant, customer, value, cancellationToken);

        return new IssuedInstrument(
            InstrumentKind.StoredValue, value.Id, merchant.Id.Value, customer.Id.Value, plan.Name, value.Amount, value.Bonus, value.Currency,
            request.Source, null, null, null, null, now);
    }

    private async Task PostSaleAsync(Merchant merchant, Guid instrumentId, TransferKind kind, long price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transfers = InstrumentSale.Transfers(merchant.Id, instrumentId, kind, new Money(price, merchant.Currency), now);
        if (transfers.Count == 0)
        {
            return;
        }

        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantCash, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.MerchantDeferredRevenue, merchant.Id, null, merchant.Currency),
        ], cancellationToken);
        if (!await ledger.PostAsync(transfers, cancellationToken))
        {
            throw new InvalidOperationException("The ledger refused a sale.");
        }
    }

    private static Task<T?> FindAsync<T>(DbSet<T> items, MerchantId merchantId, Guid id, CancellationToken cancellationToken)
        where T : CatalogItem =>
        // Another merchant's item answers exactly like an unknown one: nothing about it leaks.
        items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.MerchantId == merchantId, cancellationToken);

    private static Error? SellableError(CatalogItem item, Validity validity, DateTimeOffset now) =>
        !item.IsOnSale ? new Error(ErrorCode.ItemNotOnSale, $"This item is {item.Status.ToString().ToLowerInvariant()} and not on offer.", "item")
        : validity.IsOver(now) ? new Error(ErrorCode.ItemNotOnSale, "This item's validity has ended.", "item")
        : null;

    private static Error UnknownItem(string what) => Error.NotFound($"The {what}", "item");

    private static Error SoldOut() => new(ErrorCode.SoldOut, "This coupon is sold out.", "couponTemplateId");

    /// <summary>The customer's number as the till may read it out; Find also sees a customer registered in this unit of work.</summary>
    private async Task<string> MaskedPhoneAsync(UserId customerId, CancellationToken cancellationToken) =>
        (await db.Users.FindAsync([customerId], cancellationToken))?.Phone.Masked() ?? string.Empty;
}
