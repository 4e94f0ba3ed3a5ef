using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Wallets;

namespace CodeScan.Domain.Redemptions;

/// <summary>
/// What a bill comes to: the membership discount first, then one coupon on what remains, then the rest
/// from stored value (principal first, then bonus) or paid outside the platform. Every part is in minor
/// units, and <c>Bill = MembershipDiscount + CouponDiscount + FromPrincipal + FromBonus + PaidOutside</c>.
/// </summary>
public readonly record struct PriceBreakdown(long Bill, long MembershipDiscount, long CouponDiscount, long FromPrincipal, long FromBonus, long PaidOutside)
{
    public long Discount => MembershipDiscount + CouponDiscount;

    /// <summary>What is left to pay after the discounts.</summary>
    public long Payable => Bill - Discount;

    public long FromStoredValue => FromPrincipal + FromBonus;
}

/// <summary>
/// The pricing rules shared by the quote after a scan and by the redemption itself, so what the customer
/// is shown is exactly what is charged (docs/decisions/0008).
/// </summary>
public static class RedemptionPricing
{
    /// <summary>
    /// A member pays <c>bill × rate</c>, rounded half up to the minor unit; the discount is the difference.
    /// </summary>
    public static long MembershipDiscount(long bill, int? payRateBasisPoints) =>
        payRateBasisPoints is { } rate ? bill - (((bill * rate) + 5_000) / 10_000) : 0;

    /// <summary>Prices a bill for the chosen coupon and rest payment against the balance the caller holds locked.</summary>
    public static Result<PriceBreakdown> Price(long bill, int? membershipPayRate, CouponTerms? coupon, RestPayment rest, StoredValueBalance balance)
    {
        if (Money.OutOfRange(bill, zeroAllowed: true) is { } outOfRange)
        {
            return outOfRange;
        }

        if (coupon is not null && !coupon.IsMetBy(bill))
        {
            return new Error(ErrorCode.CouponThresholdNotMet, $"The coupon needs a bill of at least {coupon.Threshold} (minor units).", "couponId");
        }

        var membership = MembershipDiscount(bill, membershipPayRate);
        var couponDiscount = coupon?.DiscountOn(bill, bill - membership) ?? 0;
        var payable = bill - membership - couponDiscount;
        if (payable == 0 || rest == RestPayment.Outside)
        {
            return new PriceBreakdown(bill, membership, couponDiscount, 0, 0, payable);
        }

        var fromStoredValue = rest == RestPayment.StoredValueThenOutside ? Math.Min(payable, balance.Total) : payable;
        if (fromStoredValue == 0)
        {
            return new PriceBreakdown(bill, membership, couponDiscount, 0, 0, payable);
        }

        var split = balance.Split(fromStoredValue);
        return split.IsSuccess
            ? new PriceBreakdown(bill, membership, couponDiscount, split.Value.FromPrincipal, split.Value.FromBonus, payable - fromStoredValue)
            : split.Error!;
    }

    /// <summary>The membership that takes off most (the one expiring first on a tie); the payment applies the same one.</summary>
    public static MembershipOption? Deepest(IEnumerable<MembershipOption> memberships) =>
        memberships.OrderBy(m => m.PayRateBasisPoints).ThenBy(m => m.ExpiresAt).FirstOrDefault();

    /// <summary>
    /// The best the customer can do for a bill with what they hold: the deepest membership discount, the
    /// coupon that takes off most (the one expiring first on a tie), and stored value for as much of the
    /// rest as it covers. Nothing is reserved; the redemption decides again under lock.
    /// </summary>
    public static Quote Best(long bill, IReadOnlyList<MembershipOption> memberships, IReadOnlyList<CouponOption> coupons, StoredValueBalance balance)
    {
        var membership = Deepest(memberships);
        var afterMembership = bill - MembershipDiscount(bill, membership?.PayRateBasisPoints);
        var coupon = coupons
            .Select(c => (Option: c, Discount: c.Terms.DiscountOn(bill, afterMembership)))
            .Where(c => c.Discount > 0)
            .OrderByDescending(c => c.Discount)
            .ThenBy(c => c.Option.ExpiresAt)
            .FirstOrDefault();

        var payable = afterMembership - coupon.Discount;
        var fromStoredValue = Math.Min(payable, balance.Total);
        var fromPrincipal = Math.Min(fromStoredValue, balance.Principal);
        var breakdown = new PriceBreakdown(bill, bill - afterMembership, coupon.Discount, fromPrincipal, fromStoredValue - fromPrincipal, payable - fromStoredValue);
        // Both modes take STORED_VALUE_THEN_OUTSIDE, with or without a balance to draw on.
        var rest = breakdown.PaidOutside == 0 ? RestPayment.StoredValue : RestPayment.StoredValueThenOutside;
        return new Quote(breakdown, membership, coupon.Option, rest);
    }
}

/// <summary>A membership card the customer could use, by id.</summary>
public sealed record MembershipOption(Guid CardId, string Name, int PayRateBasisPoints, DateTimeOffset ExpiresAt)
{
    public static MembershipOption Of(Instruments.Card card) => new(card.Id, card.Name, card.PayRateBasisPoints!.Value, card.ExpiresAt);
}

/// <summary>A coupon the customer could use, by id.</summary>
public sealed record CouponOption(Guid CouponId, string Name, CouponTerms Terms, DateTimeOffset ExpiresAt);

/// <summary>
/// A price preview. <c>Breakdown.PaidOutside</c> is what stored value does not cover: the customer pays it
/// at the till, or recharges first. Redeeming with the coupon and <see cref="Rest"/> charges exactly this.
/// </summary>
public sealed record Quote(PriceBreakdown Breakdown, MembershipOption? Membership, CouponOption? Coupon, RestPayment Rest);
