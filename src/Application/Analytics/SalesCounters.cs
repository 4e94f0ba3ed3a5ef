using System.Collections.Concurrent;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Analytics;

/// <summary>
/// What one event adds to its merchant's day, as named counters: payments per mode and channel, reversals
/// per mode (a reversal does not say how its payment was confirmed), recharges and issuance sales. Every
/// amount is minor units of the merchant's currency.
/// </summary>
public static class SalesCounters
{
    public static string Payment(RedemptionMode mode, RedemptionChannel channel, string measure) =>
        Names.GetOrAdd((mode, channel, measure), key => $"pay.{key.Mode}.{key.Channel}.{key.Measure}");

    public static string Reversal(RedemptionMode mode, string measure) =>
        Names.GetOrAdd((mode, null, measure), key => $"rev.{key.Mode}.{key.Measure}");

    /// <summary>Counter names, built once: the projector names eight counters for every payment.</summary>
    private static readonly ConcurrentDictionary<(RedemptionMode Mode, RedemptionChannel? Channel, string Measure), string> Names = new();

    public const string RechargeCount = "recharge.count";
    public const string RechargePrincipal = "recharge.principal";
    public const string RechargeBonus = "recharge.bonus";
    public const string CardCount = "cards.count";
    public const string CardAmount = "cards.amount";
    public const string CouponCount = "coupons.count";
    public const string CouponAmount = "coupons.amount";

    public static IReadOnlyDictionary<string, long> Of(Redeemed e) => NonZero(new Dictionary<string, long>
    {
        [Payment(e.Mode, e.Channel, Measures.Count)] = 1,
        [Payment(e.Mode, e.Channel, Measures.Bill)] = e.Amount,
        [Payment(e.Mode, e.Channel, Measures.MembershipDiscount)] = e.MembershipDiscount,
        [Payment(e.Mode, e.Channel, Measures.CouponDiscount)] = e.CouponDiscount,
        [Payment(e.Mode, e.Channel, Measures.Principal)] = e.FromPrincipal,
        [Payment(e.Mode, e.Channel, Measures.Bonus)] = e.FromBonus,
        [Payment(e.Mode, e.Channel, Measures.Outside)] = e.PaidOutside,
        [Payment(e.Mode, e.Channel, Measures.Uses)] = e.TimesCardId is null ? 0 : e.Uses,
    });

    public static IReadOnlyDictionary<string, long> Of(RedemptionReversed e) => NonZero(new Dictionary<string, long>
    {
        [Reversal(e.Mode, Measures.Count)] = 1,
        [Reversal(e.Mode, Measures.Principal)] = e.PrincipalRestored,
        [Reversal(e.Mode, Measures.Bonus)] = e.BonusRestored,
        [Reversal(e.Mode, Measures.Outside)] = e.OutsideToRefund,
        [Reversal(e.Mode, Measures.Uses)] = e.UsesRestored,
    });

    public static IReadOnlyDictionary<string, long> Of(StoredValueRecharged e) => NonZero(new Dictionary<string, long>
    {
        [RechargeCount] = 1,
        [RechargePrincipal] = e.Amount,
        [RechargeBonus] = e.Bonus,
    });

    public static IReadOnlyDictionary<string, long> Of(CardIssued e) => new Dictionary<string, long> { [CardCount] = 1, [CardAmount] = e.AmountPaid };

    public static IReadOnlyDictionary<string, long> Of(CouponIssued e) => new Dictionary<string, long> { [CouponCount] = 1, [CouponAmount] = e.AmountPaid };

    /// <summary>The counters of several days added up.</summary>
    /// <summary>The counters an event moves: a zero adds nothing, so it is neither stored nor sent (a reader takes a missing counter as 0).</summary>
    private static Dictionary<string, long> NonZero(Dictionary<string, long> counters)
    {
        foreach (var (name, value) in counters)
        {
            if (value == 0)
            {
                counters.Remove(name);
            }
        }

        return counters;
    }

    public static IReadOnlyDictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> days)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in days.SelectMany(d => d))
        {
            total[name] = total.GetValueOrDefault(name) + value;
        }

        return total;
    }

    /// <summary>The measures a payment or a reversal line counts.</summary>
    public static class Measures
    {
        public const string Count = "count";
        public const string Bill = "bill";
        public const string MembershipDiscount = "membershipDiscount";
        public const string CouponDiscount = "couponDiscount";
        public const string Principal = "principal";
        public const string Bonus = "bonus";
        public const string Outside = "outside";
        public const string Uses = "uses";
    }
}
