using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantSales;

namespace CodeScan.Application.Analytics;

/// <summary>
/// The rows of a customer report, a merchant's or the platform's: payments and bills from the daily rollups, distinct
/// customers from the activity sets of whole months, weeks and days covering each period (exact, never estimated).
/// </summary>
public static class CustomerReportPeriods
{
    /// <summary>A row per day, week or month of the range (the first and last clipped to it), and the range's total.</summary>
    public static async Task<(IReadOnlyList<CustomerPeriod> Periods, CustomerPeriod Total)> ReadAsync(
        ICustomerStore customers, Guid scopeId, string currency, DateOnly from, DateOnly to, SalesGranularity granularity, CancellationToken cancellationToken)
    {
        var days = await customers.GetDaysAsync(scopeId, from, to, cancellationToken);
        var spans = days
            .Select((day, i) => (Date: from.AddDays(i), Day: day))
            .GroupBy(d => SalesReportPeriods.PeriodStart(d.Date, granularity))
            .Select(g => (From: g.First().Date, To: g.Last().Date, Days: g.Select(d => d.Day).ToList()))
            .Append((From: from, To: to, Days: days.ToList()))
            .ToList();
        var distinct = await customers.CountAsync(scopeId, [.. spans.Select(s => ActivityUnit.Cover(s.From, s.To))], cancellationToken);
        var periods = spans.Select((s, i) => CustomerPeriod.Of(s.From, s.To, currency, s.Days, distinct[i])).ToList();
        return (periods[..^1], periods[^1]);
    }
}
