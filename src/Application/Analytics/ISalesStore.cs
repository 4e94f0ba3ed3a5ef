namespace CodeScan.Application.Analytics;

/// <summary>
/// The per-merchant per-local-day sales rollups (Redis in production, memory in embedded mode), written only
/// by <see cref="SalesProjection"/>. A day is a bag of named counters (<see cref="SalesCounters"/>), so a
/// report over a range reads one entry per day, whatever the number of payments.
/// </summary>
public interface ISalesStore
{
    /// <summary>
    /// Adds <paramref name="counters"/> to the merchant's day unless that day has already taken an event at
    /// <paramref name="position"/> or later (a replayed event): the projector applies events in position order.
    /// </summary>
    Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken);

    /// <summary>
    /// Several additions to one merchant's day, in position order, each taken or refused as <see cref="AddAsync"/> would
    /// take or refuse it alone; a store may send them in one go (the projector hands over a batch's this way).
    /// </summary>
    async Task AddAllAsync(Guid merchantId, DateOnly day, IReadOnlyList<SalesAddition> additions, CancellationToken cancellationToken)
    {
        foreach (var addition in additions)
        {
            await AddAsync(merchantId, day, addition.Position, addition.Counters, cancellationToken);
        }
    }

    /// <summary>The counters of every day from <paramref name="from"/> to <paramref name="to"/>, both included, in order; empty for a day without sales.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>One event's counters for a day, and the event's position.</summary>
public sealed record SalesAddition(long Position, IReadOnlyDictionary<string, long> Counters);
