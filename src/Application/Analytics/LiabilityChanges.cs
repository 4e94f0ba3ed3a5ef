namespace CodeScan.Application.Analytics;

/// <summary>
/// What one event changes in the liability rollups, day by day. A change of value is written not only on the
/// day it happens but also, ahead of time, on the days that value will cross into an older aging bucket and
/// on the day it expires: so a report as of any day is the sum of the rollups up to that day, and time moving
/// on needs no event. A later use or reversal corrects those future days with the same rule.
/// </summary>
public sealed class LiabilityChanges
{
    private readonly Dictionary<DateOnly, Dictionary<string, long>> _days = [];

    /// <summary>The days touched and their counters, zeros left out.</summary>
    public IEnumerable<(DateOnly Day, IReadOnlyDictionary<string, long> Counters)> Days =>
        _days.Select(d => (d.Key, (IReadOnlyDictionary<string, long>)d.Value.Where(c => c.Value != 0).ToDictionary(StringComparer.Ordinal)))
            .Where(d => d.Item2.Count > 0);

    /// <summary>
    /// Records that value loaded on <paramref name="loadedOn"/> changed by <paramref name="delta"/> on
    /// <paramref name="on"/>, for value that turns into breakage on <paramref name="breaksOn"/> (null: never).
    /// </summary>
    public void Add(string measure, DateOnly loadedOn, DateOnly on, DateOnly? breaksOn, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        if (breaksOn is { } late && on > late)
        {
            // Cannot happen through the domain (nothing is used or given back after it expired); kept exact all the same.
            Count(on, LiabilityCounters.Broken(measure), delta);
            return;
        }

        Count(on, LiabilityCounters.Held(measure, LiabilityCounters.BucketOf(on.DayNumber - loadedOn.DayNumber)), delta);
        for (var bucket = 1; bucket < LiabilityCounters.BucketStartDays.Length; bucket++)
        {
            var crossing = loadedOn.AddDays(LiabilityCounters.BucketStartDays[bucket]);
            if (crossing > on && (breaksOn is null || crossing <= breaksOn))
            {
                Count(crossing, LiabilityCounters.Held(measure, bucket - 1), -delta);
                Count(crossing, LiabilityCounters.Held(measure, bucket), delta);
            }
        }

        if (breaksOn is { } day)
        {
            Count(day, LiabilityCounters.Held(measure, LiabilityCounters.BucketOf(day.DayNumber - loadedOn.DayNumber)), -delta);
            Count(day, LiabilityCounters.Broken(measure), delta);
        }
    }

    private void Count(DateOnly day, string counter, long delta)
    {
        if (!_days.TryGetValue(day, out var counters))
        {
            counters = new Dictionary<string, long>(StringComparer.Ordinal);
            _days[day] = counters;
        }

        counters[counter] = counters.GetValueOrDefault(counter) + delta;
    }
}
