using System.Collections.Concurrent;
using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Embedded mode's performance rollups: one counter bag per rollup, scope and day, rebuilt from the event log at start.</summary>
internal sealed class InMemoryPerformanceStore : IPerformanceStore
{
    private readonly ConcurrentDictionary<(PerformanceRollup Rollup, Guid Scope, DateOnly Day), Day> _days = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, PerformanceItem>> _items = new();

    public Task AddAsync(PerformanceRollup rollup, Guid scopeId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var rollupDay = _days.GetOrAdd((rollup, scopeId, day), _ => new Day());
        lock (rollupDay)
        {
            if (position > rollupDay.Position)
            {
                foreach (var (name, value) in counters)
                {
                    rollupDay.Counters[name] = rollupDay.Counters.GetValueOrDefault(name) + value;
                }

                rollupDay.Position = position;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(PerformanceRollup rollup, Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<IReadOnlyDictionary<string, long>>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(_days.TryGetValue((rollup, scopeId, day), out var found) ? Copy(found) : new Dictionary<string, long>());
        }

        return Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, long>>>(days);
    }

    public Task PutItemAsync(Guid merchantId, PerformanceItem item, CancellationToken cancellationToken)
    {
        _items.GetOrAdd(merchantId, _ => new())[item.ItemId] = item;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PerformanceItem>> GetItemsAsync(Guid merchantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PerformanceItem>>(_items.TryGetValue(merchantId, out var items) ? [.. items.Values] : []);

    private static Dictionary<string, long> Copy(Day day)
    {
        lock (day)
        {
            return new Dictionary<string, long>(day.Counters, StringComparer.Ordinal);
        }
    }

    private sealed class Day
    {
        public long Position { get; set; }

        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    }
}
