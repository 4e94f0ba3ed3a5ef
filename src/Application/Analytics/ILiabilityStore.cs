namespace CodeScan.Application.Analytics;

/// <summary>
/// The outstanding-liability read model (Redis in production, memory in embedded mode), written only by
/// <see cref="LiabilityProjection"/>: per-local-day rollups for each merchant and for the platform
/// (one scope per currency, <see cref="PlatformScope"/>), and what the projection needs to attribute later changes —
/// each wallet's lots and each card's and coupon's state.
/// </summary>
public interface ILiabilityStore
{
    /// <summary>
    /// Adds <paramref name="counters"/> to the scope's day unless that day has already taken an event at
    /// <paramref name="position"/> or later (a replayed event): the projector applies events in position order.
    /// </summary>
    Task AddAsync(Guid scope, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken);

    /// <summary>
    /// Adds several events' counters to the scope's days, in the order given (by position), each refused or taken
    /// as <see cref="AddAsync(Guid, DateOnly, long, IReadOnlyDictionary{string, long}, CancellationToken)"/> would:
    /// a projector batch's additions to one scope in one call.
    /// </summary>
    Task AddAsync(Guid scope, IReadOnlyList<LiabilityAddition> additions, CancellationToken cancellationToken);

    /// <summary>Every day of the scope with counters, up to <paramref name="through"/> included, oldest first.</summary>
    Task<IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Counters)>> GetDaysAsync(Guid scope, DateOnly through, CancellationToken cancellationToken);

    Task<WalletLots?> GetLotsAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken);

    Task PutLotsAsync(WalletLots lots, CancellationToken cancellationToken);

    Task<HeldInstrument?> GetInstrumentAsync(Guid instrumentId, CancellationToken cancellationToken);

    Task PutInstrumentAsync(HeldInstrument instrument, CancellationToken cancellationToken);
}
