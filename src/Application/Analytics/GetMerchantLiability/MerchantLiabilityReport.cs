using static CodeScan.Application.Analytics.LiabilityCounters;
using C = CodeScan.Application.Analytics.LiabilityCounters;

namespace CodeScan.Application.Analytics.GetMerchantLiability;

/// <summary>The liability at the close of <see cref="AsOf"/>, from the summed rollup counters; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record MerchantLiabilityReport(Guid MerchantId, string TimeZone, string Currency, DateOnly AsOf, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>Everything still owed, all ages.</summary>
    public LiabilityFigures Outstanding => LiabilityFigures.From(Currency, Counters, [.. Enumerable.Range(0, BucketStartDays.Length).Select(b => Held(string.Empty, b))]);

    /// <summary>What is still owed by age: the days since it was loaded (stored value, oldest first) or issued (cards and coupons).</summary>
    public IReadOnlyList<LiabilityAgingBucket> Aging =>
        [.. Enumerable.Range(0, BucketStartDays.Length).Select(b => new LiabilityAgingBucket(
            b, BucketStartDays[b], b + 1 < BucketStartDays.Length ? BucketStartDays[b + 1] - 1 : null, LiabilityFigures.From(Currency, Counters, Held(string.Empty, b))))];

    /// <summary>What expired unused, up to the close of <see cref="AsOf"/> (stored value does not expire).</summary>
    public LiabilityFigures Breakage => LiabilityFigures.From(Currency, Counters, "." + LiabilityCounters.Breakage);
}

/// <summary>Ages from <see cref="FromDays"/> to <see cref="ToDays"/> (both included; null: no upper end).</summary>
public sealed record LiabilityAgingBucket(int Bucket, int FromDays, int? ToDays, LiabilityFigures Figures);

/// <summary>One slice of the liability, each amount in minor units of <see cref="Currency"/>.</summary>
public sealed record LiabilityFigures(
    string Currency, long Principal, long Bonus, int TimesCards, long Uses, long TimesCardValue, int Coupons, long CouponFaceValue, long CouponValue, int MembershipCards, long MembershipValue)
{
    public long StoredValue => Principal + Bonus;

    /// <summary>What was paid for cards and coupons not yet honoured: the ledger's deferred revenue.</summary>
    public long DeferredRevenue => TimesCardValue + CouponValue + MembershipValue;

    /// <summary>Stored value and deferred revenue: what the ledger holds as owed (coupon face values are not money received).</summary>
    public long Total => StoredValue + DeferredRevenue;

    /// <summary>The figures of the counters ending in any of <paramref name="slots"/> (".0", ".x").</summary>
    public static LiabilityFigures From(string currency, IReadOnlyDictionary<string, long> counters, params string[] slots)
    {
        long Get(string measure) => slots.Sum(slot => counters.GetValueOrDefault(measure + slot));
        return new LiabilityFigures(
            currency, Get(C.Principal), Get(C.Bonus), (int)Get(C.TimesCards), Get(C.Uses), Get(C.TimesCardValue),
            (int)Get(C.Coupons), Get(C.CouponFaceValue), Get(C.CouponValue), (int)Get(C.MembershipCards), Get(C.MembershipValue));
    }
}
