namespace CodeScan.Application.Common.Security;

/// <summary>
/// The sign-in sessions (refresh-token families) whose access tokens are refused. Every node keeps the set
/// in memory, so checking a token costs no query; it is filled from the revocation read model at start,
/// kept current by notifications, and re-synchronised periodically in case one was missed.
/// </summary>
public interface ISessionRevocations
{
    /// <summary>True when the session was revoked and its access tokens may not have expired yet. Memory only.</summary>
    bool IsRevoked(Guid sessionId);

    /// <summary>
    /// Refuses the session on this node at once and tells the other nodes, best effort. The durable record
    /// is the <c>SessionRevoked</c> event the caller's unit of work commits: nodes that miss this message
    /// learn it from the read model it is projected to.
    /// </summary>
    void Revoke(RevokedSession session);

    /// <summary>
    /// Calls <paramref name="revoked"/> once this node learns that the session was revoked (at once when it
    /// already knows), however it learns it: a revocation here, an announcement, or the periodic sync. It may
    /// be called more than once and on any thread. Disposing the result stops the watch.
    /// </summary>
    IDisposable Watch(Guid sessionId, Action revoked);
}

/// <summary>A revoked session: its access tokens are refused until <see cref="NotAfter"/>, when the last of them expires anyway.</summary>
public sealed record RevokedSession(Guid SessionId, DateTimeOffset NotAfter);
