using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Redemptions;

/// <summary>
/// Cards and coupons a customer holds at a merchant, bought by a paid order at <see cref="TestClock.Now"/>.
/// Each is valid for <see cref="ValidDays"/> days unless a window is given.
/// </summary>
internal static class Holdings
{
    public const int ValidDays = 30;

    public static DateTimeOffset ExpiresAt => TestClock.Now.AddDays(ValidDays);

    public static Card TimesCard(MerchantId merchant, UserId customer, int uses = 10, long amountPaid = 30_000, Validity? validity = null)
    {
        var product = CardProduct.DefineTimesCard(merchant, "CNY", $"{uses} haircuts", Math.Max(amountPaid, 1), uses, validity ?? Days(), TestClock.Now).AssertSuccess();
        return Card.Issue(product, customer, IssueSource.PaidOrder, Guid.NewGuid(), null, TestClock.Now, "138****5678", amountPaid);
    }

    public static Card MembershipCard(MerchantId merchant, UserId customer, int payRateBasisPoints = 8_800)
    {
        var product = CardProduct.DefineMembershipCard(merchant, "CNY", "Gold member", 50_000, payRateBasisPoints, Days(), TestClock.Now).AssertSuccess();
        return Card.Issue(product, customer, IssueSource.PaidOrder, Guid.NewGuid(), null, TestClock.Now, "138****5678", 50_000);
    }

    public static Coupon CouponWith(CouponTerms terms, MerchantId merchant, UserId customer, long amountPaid = 0, Validity? validity = null)
    {
        var template = CouponTemplate.Define(merchant, "CNY", "Coupon", terms, amountPaid, validity ?? Days(), 100, 10, TestClock.Now).AssertSuccess();
        return Coupon.Issue(template, customer, IssueSource.PaidOrder, Guid.NewGuid(), null, TestClock.Now, "138****5678", amountPaid);
    }

    public static CouponTerms CashOff(long amountOff) => CouponTerms.Create(CouponKind.CashOff, amountOff, null, null, null, null).AssertSuccess();

    public static CouponTerms PercentOff(int percent, long cap) => CouponTerms.Create(CouponKind.PercentOff, null, percent, cap, null, null).AssertSuccess();

    public static CouponTerms Threshold(long threshold, long amountOff) => CouponTerms.Create(CouponKind.Threshold, amountOff, null, null, threshold, null).AssertSuccess();

    public static CouponTerms Gift(string name = "Free drink") => CouponTerms.Create(CouponKind.Gift, null, null, null, null, name).AssertSuccess();

    /// <summary>A fixed window from <paramref name="from"/> to <paramref name="until"/> after <see cref="TestClock.Now"/>.</summary>
    public static Validity Window(TimeSpan from, TimeSpan until) =>
        Validity.Create(null, TestClock.Now + from, TestClock.Now + until).AssertSuccess();

    private static Validity Days() => Validity.Create(ValidDays, null, null).AssertSuccess();
}
