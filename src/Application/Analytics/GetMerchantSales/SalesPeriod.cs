using CodeScan.Domain.Redemptions;
using static CodeScan.Application.Analytics.SalesCounters;

namespace CodeScan.Application.Analytics.GetMerchantSales;

/// <summary>How many days a row of the report covers.</summary>
public enum SalesGranularity
{
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

/// <summary>Payments of one mode and channel, or of all. Amounts in minor units.</summary>
public sealed record PaymentTotals(string Currency, int Count, long Bill, long MembershipDiscount, long CouponDiscount, long FromPrincipal, long FromBonus, long PaidOutside, int Uses)
{
    /// <summary>What was paid for the bills: from stored value and outside the platform.</summary>
    public long Paid => FromPrincipal + FromBonus + PaidOutside;
}

/// <summary>Reversals of payments of one mode, or of all: what they gave back.</summary>
public sealed record ReversalTotals(string Currency, int Count, long Principal, long Bonus, long Outside, int Uses)
{
    public long Refunded => Principal + Bonus + Outside;
}

/// <summary>Recharges: the principal paid in and the bonus given with it.</summary>
public sealed record RechargeTotals(string Currency, int Count, long Principal, long Bonus);

/// <summary>Cards or coupons issued, and what customers paid for them (free claims count at zero).</summary>
public sealed record IssuanceTotals(string Currency, int Count, long Amount);

public sealed record PaymentLine(RedemptionMode Mode, RedemptionChannel Channel, PaymentTotals Totals);

public sealed record ReversalLine(RedemptionMode Mode, ReversalTotals Totals);

/// <summary>The sales of the local days from <see cref="From"/> to <see cref="To"/> (both included), from the summed daily counters; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record SalesPeriod(DateOnly From, DateOnly To, string Currency, IReadOnlyDictionary<string, long> Counters)
{
    public IReadOnlyList<PaymentLine> PaymentLines =>
        [.. Enum.GetValues<RedemptionMode>().SelectMany(m => Enum.GetValues<RedemptionChannel>().Select(c => new PaymentLine(m, c, Payments(m, c))))];

    public IReadOnlyList<ReversalLine> ReversalLines => [.. Enum.GetValues<RedemptionMode>().Select(m => new ReversalLine(m, Reversals(m)))];

    public RechargeTotals Recharges => new(Currency, (int)Get(RechargeCount), Get(RechargePrincipal), Get(RechargeBonus));

    public IssuanceTotals Cards => new(Currency, (int)Get(CardCount), Get(CardAmount));

    public IssuanceTotals Coupons => new(Currency, (int)Get(CouponCount), Get(CouponAmount));

    /// <summary>What customers paid for goods and services, less what reversals gave back (recharges and issuance sales are money taken in advance, apart).</summary>
    public long Net => Payments().Paid - Reversals().Refunded;

    public PaymentTotals Payments(RedemptionMode? mode = null, RedemptionChannel? channel = null)
    {
        long Sum(string measure) =>
            Of(mode).SelectMany(m => Of(channel).Select(c => Get(Payment(m, c, measure)))).Sum();
        return new PaymentTotals(
            Currency, (int)Sum(Measures.Count), Sum(Measures.Bill), Sum(Measures.MembershipDiscount), Sum(Measures.CouponDiscount),
            Sum(Measures.Principal), Sum(Measures.Bonus), Sum(Measures.Outside), (int)Sum(Measures.Uses));
    }

    public ReversalTotals Reversals(RedemptionMode? mode = null)
    {
        long Sum(string measure) => Of(mode).Select(m => Get(Reversal(m, measure))).Sum();
        return new ReversalTotals(Currency, (int)Sum(Measures.Count), Sum(Measures.Principal), Sum(Measures.Bonus), Sum(Measures.Outside), (int)Sum(Measures.Uses));
    }

    private long Get(string name) => Counters.GetValueOrDefault(name);

    private static IEnumerable<T> Of<T>(T? one) where T : struct, Enum => one is { } value ? [value] : Enum.GetValues<T>();
}
