namespace CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;

/// <summary>
/// Instruments that expired with value left between two instants, and not after now: expiry is a matter of
/// time, not an event. Whole UTC days inside the span are read from their totals, the (at most two) days it
/// only partly covers from their detail by the second, so the count is exact at any zone's day boundary and
/// on a day not yet over (to the second: the detail keeps whole seconds).
/// </summary>
public sealed class ExpiredCount(IPerformanceStore performance, Guid scopeId, DateTimeOffset now)
{
    public async Task<IReadOnlyDictionary<string, long>> ByRowAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // An instrument expires at ExpiresAt: it is expired once now >= ExpiresAt.
        var end = until <= now ? until : now.AddTicks(1);
        if (end <= from)
        {
            return new Dictionary<string, long>();
        }

        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(end.AddTicks(-1).UtcDateTime);
        var counts = new List<IReadOnlyDictionary<string, long>>();
        if (last.DayNumber - first.DayNumber >= 2)
        {
            counts.AddRange(await performance.GetDaysAsync(PerformanceRollup.ExpiryTotals, scopeId, first.AddDays(1), last.AddDays(-1), cancellationToken));
        }

        foreach (var edge in first == last ? [first] : new[] { first, last })
        {
            var detail = (await performance.GetDaysAsync(PerformanceRollup.ExpiryDetail, scopeId, edge, edge, cancellationToken))[0];
            counts.Add(detail
                .Select(d => (Field: PerformanceCounters.ParseExpiryDetail(d.Key), Count: d.Value))
                .Where(d => d.Field.ExpiresAt >= from && d.Field.ExpiresAt < end)
                .GroupBy(d => d.Field.Row)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Count)));
        }

        return SalesCounters.Sum(counts);
    }
}
