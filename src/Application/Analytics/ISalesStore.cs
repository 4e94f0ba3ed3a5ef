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

    /// <summary>The counters of every day from <paramref name="from"/> to <paramref name="to"/>, both included, in order; empty for a day without sales.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
