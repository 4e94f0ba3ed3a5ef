namespace CodeScan.Application.Common.Idempotency;

/// <summary>
/// Remembers, per caller and key, the hash of the request and its successful outcome. The outcome is written
/// with the command's own commit (one write); a concurrent duplicate finds out at its commit
/// (<see cref="IdempotencyKeyTakenException"/>) and is rolled back. See docs/decisions/0003.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>What was stored for the key, or null when it has not been used (or not yet committed).</summary>
    Task<IdempotencyClaim?> FindAsync(string actor, string key, string requestHash, CancellationToken cancellationToken);

    /// <summary>Stores the outcome with the unit of work's commit.</summary>
    void Record(string actor, string key, string requestHash, string responseJson);
}

public abstract record IdempotencyClaim
{
    /// <summary>The key was used for the same request: return its outcome.</summary>
    public sealed record Replay(string ResponseJson) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Conflict : IdempotencyClaim;
}

/// <summary>The unit of work lost the race for its idempotency key: another request with the key committed first, and nothing of this one was.</summary>
public sealed class IdempotencyKeyTakenException(Exception inner)
    : Exception("The idempotency key was committed by a concurrent request.", inner);
