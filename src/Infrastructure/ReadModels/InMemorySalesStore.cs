using System.Collections.Concurrent;
using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Embedded mode's sales rollups: one counter bag per merchant and local day, rebuilt from the event log at start.</summary>
internal sealed class InMemorySalesStore : ISalesStore
{
    private readonly ConcurrentDictionary<(Guid Merchant, DateOnly Day), Day> _days = new();

    public Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var rollup = _days.GetOrAdd((merchantId, day), _ => new Day());
        lock (rollup)
        {
            if (position > rollup.Position)
            {
                foreach (var (name, value) in counters)
                {
                    rollup.Counters[name] = rollup.Counters.GetValueOrDefault(name) + value;
                }

                rollup.Position = position;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<IReadOnlyDictionary<string, long>>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(_days.TryGetValue((merchantId, day), out var rollup) ? Copy(rollup) : new Dictionary<string, long>());
        }

        return Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, long>>>(days);
    }

    private static Dictionary<string, long> Copy(Day rollup)
    {
        lock (rollup)
        {
            return new Dictionary<string, long>(rollup.Counters, StringComparer.Ordinal);
        }
    }

    private sealed class Day
    {
        public long Position { get; set; }

        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    }
}
