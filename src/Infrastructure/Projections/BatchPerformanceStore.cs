using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// The performance rollups as one projector batch sees them: writes are kept and sent together, in order, when
/// the batch is flushed (as <see cref="BatchSalesStore"/> does), so a payment's figures cost no round trip of their own.
/// </summary>
internal sealed class BatchPerformanceStore(IPerformanceStore inner) : IPerformanceStore
{
    private readonly List<Func<CancellationToken, Task>> _writes = [];

    public Task AddAsync(PerformanceRollup rollup, Guid scopeId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        _writes.Add(ct => inner.AddAsync(rollup, scopeId, day, position, counters, ct));
        return Task.CompletedTask;
    }

    public Task PutItemAsync(Guid merchantId, PerformanceItem item, CancellationToken cancellationToken)
    {
        _writes.Add(ct => inner.PutItemAsync(merchantId, item, ct));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(PerformanceRollup rollup, Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.GetDaysAsync(rollup, scopeId, from, to, cancellationToken);
    }

    public async Task<IReadOnlyList<PerformanceItem>> GetItemsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.GetItemsAsync(merchantId, cancellationToken);
    }

    /// <summary>Sends every kept write, in order, and forgets them; the caller waits for the answers.</summary>
    public IReadOnlyList<Task> Flush(CancellationToken cancellationToken)
    {
        var sent = _writes.Select(write => write(cancellationToken)).ToList();
        _writes.Clear();
        return sent;
    }
}
