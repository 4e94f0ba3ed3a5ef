namespace CodeScan.Application.Common.Security;

/// <summary>Whether the sign-in session (refresh-token family) an access token belongs to was revoked.</summary>
public interface ISessionRevocations
{
    Task<bool> IsRevokedAsync(Guid sessionId, CancellationToken cancellationToken);
}
