namespace CodeScan.Application.Common.Idempotency;

/// <summary>
/// Remembers, per caller and key, the hash of the request and its outcome. Claims are made inside the
/// command's transaction, so a concurrent duplicate waits for the first and then sees its outcome.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(string actor, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(string actor, string key, string responseJson, CancellationToken cancellationToken);
}

public abstract record IdempotencyClaim
{
    /// <summary>The key is new: run the command.</summary>
    public sealed record Granted : IdempotencyClaim;

    /// <summary>The key was used for the same request: return its outcome.</summary>
    public sealed record Replay(string ResponseJson) : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Conflict : IdempotencyClaim;
}
