using CodeScan.Domain.Instruments;
using static CodeScan.Application.Analytics.PerformanceCounters;

namespace CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;

/// <summary>How the report's rows are ordered: the largest first, ties by name.</summary>
public enum InstrumentPerformanceOrder
{
    Redeemed,
    Issued,
    Bill,
    RedemptionRate,
    Expired,
}

/// <summary>Instruments issued, by how they reached the customer, and what customers paid for them (minor units).</summary>
public sealed record IssuedTotals(long Sold, long Claimed, long AtCounter, long Amount)
{
    public long Total => Sold + Claimed + AtCounter;
}

/// <summary>One coupon template or card product over the range; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record InstrumentPerformanceRow(
    PerformanceItem Item,
    string Currency,
    IssuedTotals Issued,
    long Redeemed,
    long Bill,
    long Discount,
    long TimesCardUses,
    long Reversed,
    long Refunded,
    long TimesCardUsesGivenBack,
    long Expired,
    long IssuedAndUsed,
    double? MedianMinutesToRedeem)
{
    /// <summary>Of those issued in the range, the share used since; none for membership cards, which are not used up.</summary>
    public double? RedemptionRate =>
        Item.Kind == Analytics.PerformanceItemKind.MembershipCard || Issued.Total == 0 ? null : Math.Round((double)IssuedAndUsed / Issued.Total, 4);

    /// <summary>
    /// The figures of <paramref name="row"/> in a scope's counters: a merchant's template or product (its id, when not
    /// given), or in the platform's a kind (<see cref="PerformanceChanges"/>).
    /// </summary>
    public static InstrumentPerformanceRow From(PerformanceItem item, string currency, IReadOnlyDictionary<string, long> counters, long expired, string? row = null)
    {
        row ??= ItemKey(item.ItemId);
        long Get(string measure) => counters.GetValueOrDefault(Name(row, measure));
        var histogram = counters
            .Select(c => (Name: Parse(c.Key), c.Value))
            .Where(c => c.Name.Row == row && c.Name.Measure.StartsWith(RedeemTimeHistogram.Prefix, StringComparison.Ordinal))
            .ToDictionary(c => int.Parse(c.Name.Measure[RedeemTimeHistogram.Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture), c => c.Value);
        return new InstrumentPerformanceRow(
            item, currency,
            new IssuedTotals(Get(PerformanceCounters.Issued(IssueSource.PaidOrder)), Get(PerformanceCounters.Issued(IssueSource.FreeClaim)), Get(PerformanceCounters.Issued(IssueSource.Counter)), Get(IssuedAmount)),
            Get(PerformanceCounters.Redeemed), Get(RedeemedBill), Get(RedeemedDiscount), Get(RedeemedUses),
            Get(PerformanceCounters.Reversed), Get(ReversedRefund), Get(ReversedUses),
            expired, Get(Cohort),
            item.Kind == Analytics.PerformanceItemKind.MembershipCard ? null : RedeemTimeHistogram.MedianMinutes(histogram));
    }

    public static IReadOnlyList<InstrumentPerformanceRow> Sort(IEnumerable<InstrumentPerformanceRow> rows, InstrumentPerformanceOrder order) =>
        [.. rows.OrderByDescending(r => order switch
            {
                InstrumentPerformanceOrder.Issued => r.Issued.Total,
                InstrumentPerformanceOrder.Bill => r.Bill,
                InstrumentPerformanceOrder.RedemptionRate => r.RedemptionRate ?? -1,
                InstrumentPerformanceOrder.Expired => r.Expired,
                _ => (double)r.Redeemed,
            })
            .ThenBy(r => r.Item.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Item.ItemId)];
}
