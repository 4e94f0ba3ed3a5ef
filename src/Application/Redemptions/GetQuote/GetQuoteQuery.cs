using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions.GetQuote;

/// <summary>
/// A price preview for a bill at a merchant, before anything is confirmed: the best membership discount,
/// the best single coupon and stored value for the rest, from the write model (what <c>redeem</c> will see).
/// </summary>
public sealed record GetQuoteQuery(MerchantId MerchantId, long Amount) : IQuery<Outcome<QuoteResult>>, IRequireSignedIn;

/// <summary>A quote; <c>Breakdown.PaidOutside</c> is what stored value does not cover.</summary>
public sealed record QuoteResult(Guid MerchantId, string Currency, PriceBreakdown Breakdown, MembershipOption? Membership, CouponOption? Coupon, RestPayment Rest)
{
    /// <summary>The mode to confirm with: the coupon's when one helps, else stored value.</summary>
    public RedemptionMode SuggestedMode => Coupon is null ? RedemptionMode.StoredValue : RedemptionMode.Coupon;
}

public sealed class GetQuoteValidator : IValidator<GetQuoteQuery>
{
    public IEnumerable<Error> Validate(GetQuoteQuery query) => new[] { Rules.Amount(query.Amount) }.OfType<Error>();
}

public sealed class GetQuoteHandler(IApplicationDbContext db, Quotes quotes, ICurrentUser currentUser) : IQueryHandler<GetQuoteQuery, Outcome<QuoteResult>>
{
    public async ValueTask<Outcome<QuoteResult>> Handle(GetQuoteQuery query, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToReadAsync(query.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        // No price for a payment the merchant would refuse (scanMerchant refuses its code the same way).
        if (merchant.Terms.Refusal(Trade.Payment) is { } refused)
        {
            return refused;
        }

        return Outcome<QuoteResult>.Ok(await quotes.ForAsync(merchant, currentUser.RequiredId, query.Amount, cancellationToken));
    }
}

/// <summary>Builds quotes; also used by <c>scanMerchant</c> when the customer entered the bill.</summary>
public sealed class Quotes(IApplicationDbContext db, ILedger ledger, TimeProvider clock)
{
    public async Task<QuoteResult> ForAsync(Merchant merchant, UserId customerId, long amount, CancellationToken cancellationToken)
    {
        var merchantId = merchant.Id;
        var now = clock.GetUtcNow();
        var cards = await db.Cards.AsNoTracking().Where(c => c.MerchantId == merchantId && c.CustomerId == customerId).ToListAsync(cancellationToken);
        var coupons = await db.Coupons.AsNoTracking()
            .Where(c => c.MerchantId == merchantId && c.CustomerId == customerId && c.Status == CouponStatus.Available)
            .ToListAsync(cancellationToken);
        var balance = await ledger.GetStoredValueAsync(merchantId, customerId, cancellationToken);

        var quote = RedemptionPricing.Best(
            amount,
            [.. cards.Where(c => c.IsActiveMembershipAt(now)).Select(MembershipOption.Of)],
            [.. coupons.Where(c => c.IsUsableAt(now)).Select(c => new CouponOption(c.Id, c.Name, c.Terms, c.ExpiresAt))],
            balance);
        return new QuoteResult(merchantId.Value, merchant.Currency, quote.Breakdown, quote.Membership, quote.Coupon, quote.Rest);
    }
}
