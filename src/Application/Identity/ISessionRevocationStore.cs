using CodeScan.Application.Common.Security;

namespace CodeScan.Application.Identity;

/// <summary>
/// The revocation read model (Redis in production, memory in embedded mode): the sessions revoked whose
/// access tokens may still be valid. Written only by the <c>SessionRevocationProjection</c>; read by every
/// node's revocation set.
/// </summary>
public interface ISessionRevocationStore
{
    /// <summary>
    /// Adds the revocation unless the store has applied this event position already (a replay) or the
    /// session's access tokens have all expired; trims the revocations that have. True when it was added.
    /// </summary>
    Task<bool> AddAsync(RevokedSession session, long position, CancellationToken cancellationToken);

    /// <summary>Changes whenever a revocation is added: nodes compare it to decide whether to read the set again.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>The revocations whose access tokens may not have expired yet.</summary>
    Task<IReadOnlyList<RevokedSession>> GetActiveAsync(CancellationToken cancellationToken);
}
