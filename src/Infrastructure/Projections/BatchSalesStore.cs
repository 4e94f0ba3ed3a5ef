using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// The sales rollups as one projector batch sees them: additions are kept and sent together when the batch is
/// flushed, a merchant's day in one call with its additions in the order they were made, so a payment's sales cost
/// the projector no round trip, nor script call, of their own.
/// </summary>
internal sealed class BatchSalesStore(ISalesStore inner) : ISalesStore
{
    private readonly List<(Guid MerchantId, DateOnly Day, long Position, IReadOnlyDictionary<string, long> Counters)> _additions = [];

    public Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        _additions.Add((merchantId, day, position, counters));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.GetDaysAsync(merchantId, from, to, cancellationToken);
    }

    /// <summary>
    /// Sends every kept addition, in order, one call per merchant and day, and forgets them; the caller waits for the
    /// answers. Each day is its own key, so only the order within a day matters.
    /// </summary>
    public IReadOnlyList<Task> Flush(CancellationToken cancellationToken)
    {
        var sent = _additions
            .GroupBy(a => (a.MerchantId, a.Day))
            .Select(day => inner.AddAllAsync(day.Key.MerchantId, day.Key.Day, [.. day.Select(a => new SalesAddition(a.Position, a.Counters))], cancellationToken))
            .ToList();
        _additions.Clear();
        return sent;
    }
}
