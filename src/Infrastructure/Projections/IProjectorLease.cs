namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// Only one node projects at a time: projections read a view, then write it, and two projectors
/// interleaving could write an older view over a newer one. The others stand by and take over when the
/// holder stops renewing.
/// </summary>
public interface IProjectorLease
{
    /// <summary>True while this node holds the lease; acquires it when free, renews it when held.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>True if the last answer said this node holds the lease and it has not expired since: nothing is asked.</summary>
    bool Held { get; }

    /// <summary>
    /// A number for the stretch of time this node has held the lease without a failure in between; 0 while not held.
    /// A new holding, or the first answer after <see cref="Forget"/>, starts a new term: what the projector
    /// remembered of Redis in the old one (its checkpoint) may no longer be what Redis holds.
    /// </summary>
    long Term { get; }

    /// <summary>Drops the remembered answer, after a failure: the next <see cref="TryAcquireAsync"/> asks Redis and starts a new term.</summary>
    void Forget();

    Task ReleaseAsync(CancellationToken cancellationToken);
}

/// <summary>Embedded mode has one process and its own in-memory read store: the lease is always ours.</summary>
internal sealed class SingleNodeProjectorLease : IProjectorLease
{
    public Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public bool Held => true;

    public long Term => 1;

    public void Forget()
    {
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
