using CodeScan.Application.Analytics;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// The reference the liability projection's lots are checked against: one part of a wallet (principal or bonus) as
/// lots by load day, never merged, taken oldest first and given back to the days a payment took, newest first; and
/// what it holds as of a day, by aging bucket.
/// </summary>
public sealed class UnmergedLots
{
    private readonly SortedDictionary<DateOnly, long> _lots = [];
    private readonly Dictionary<Guid, List<(DateOnly Day, long Amount)>> _taken = [];

    public int Count => _lots.Count;

    public void Load(DateOnly day, long amount) => _lots[day] = _lots.GetValueOrDefault(day) + amount;

    public void Draw(Guid payment, long amount)
    {
        var taken = new List<(DateOnly, long)>();
        while (amount > 0)
        {
            var (day, held) = _lots.First();
            var part = Math.Min(held, amount);
            taken.Add((day, part));
            amount -= part;
            if (part == held)
            {
                _lots.Remove(day);
            }
            else
            {
                _lots[day] = held - part;
            }
        }

        _taken[payment] = taken;
    }

    public void Restore(Guid payment, long amount)
    {
        var taken = _taken[payment];
        for (var i = taken.Count - 1; i >= 0 && amount > 0; i--)
        {
            var part = Math.Min(taken[i].Amount, amount);
            taken[i] = (taken[i].Day, taken[i].Amount - part);
            amount -= part;
            Load(taken[i].Day, part);
        }
    }

    /// <summary>What the part holds at the close of <paramref name="asOf"/>, by aging bucket (0–30 … over 365 days).</summary>
    public long[] Buckets(DateOnly asOf)
    {
        var buckets = new long[LiabilityCounters.BucketStartDays.Length];
        foreach (var (day, amount) in _lots)
        {
            buckets[LiabilityCounters.BucketOf(asOf.DayNumber - day.DayNumber)] += amount;
        }

        return buckets;
    }
}
