using System.Security.Claims;

namespace CodeScan.Application.Common.Security;

/// <summary>
/// Issues and validates the short-lived bearer tokens that every transport (HTTP and WebSocket) accepts.
/// </summary>
public interface IAccessTokens
{
    /// <summary>
    /// Creates a signed access token for the user. <paramref name="sessionId"/> ties it to the refresh-token
    /// family it came from, so signing out (or a detected token theft) revokes it at once.
    /// </summary>
    string Issue(Guid userId, string phoneE164, IReadOnlyCollection<string> roles, Guid? sessionId = null);

    /// <summary>
    /// Returns the principal for a valid token, or <c>null</c> when the token is malformed, tampered with
    /// or expired. The raw token is passed without the "Bearer " prefix.
    /// </summary>
    ClaimsPrincipal? Validate(string token);
}
