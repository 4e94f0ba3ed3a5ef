using CodeScan.Application.Analytics.GetMerchantSales;

namespace CodeScan.Application.Analytics;

/// <summary>Daily rollups added up into the rows of a report: a row per day, week or month, and the range's total.</summary>
public static class SalesReportPeriods
{
    /// <summary>
    /// <paramref name="days"/> holds the counters of every day from <paramref name="from"/> on, in order; a row per
    /// period of the range, the first and last clipped to it.
    /// </summary>
    public static (IReadOnlyList<SalesPeriod> Periods, SalesPeriod Total) Of(
        IReadOnlyList<IReadOnlyDictionary<string, long>> days, DateOnly from, DateOnly to, SalesGranularity granularity, string currency)
    {
        var periods = days
            .Select((counters, i) => (Day: from.AddDays(i), Counters: counters))
            .GroupBy(d => PeriodStart(d.Day, granularity))
            .Select(g => new SalesPeriod(g.First().Day, g.Last().Day, currency, SalesCounters.Sum(g.Select(d => d.Counters))))
            .ToList();
        return (periods, new SalesPeriod(from, to, currency, SalesCounters.Sum(periods.Select(p => p.Counters))));
    }

    /// <summary>The first day of the period a day falls in: weeks start on Monday (ISO 8601).</summary>
    public static DateOnly PeriodStart(DateOnly day, SalesGranularity granularity) => granularity switch
    {
        SalesGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        SalesGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };
}
