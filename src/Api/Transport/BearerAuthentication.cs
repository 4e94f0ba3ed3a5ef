using System.Security.Claims;
using CodeScan.Application.Common.Security;

namespace CodeScan.Api.Transport;

/// <summary>
/// Turns an <c>Authorization</c> value into a principal. No value means an anonymous caller (resolvers decide
/// what anonymous callers may do); a value that does not validate — malformed, tampered, expired, or from a
/// sign-in session that was revoked — is rejected outright, so a client learns it instead of silently
/// getting anonymous results.
/// </summary>
internal static class BearerAuthentication
{
    private const string Scheme = "Bearer ";
    private const string SessionClaim = "sid";

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>Returns the caller, or <c>null</c> when the value is present but not a valid bearer token.</summary>
    /// <remarks>No I/O: the signature is checked with the key in memory, and revoked sessions are a set every node keeps in memory.</remarks>
    public static Task<ClaimsPrincipal?> AuthenticateAsync(string? authorization, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(Authenticate(authorization, services));

    private static ClaimsPrincipal? Authenticate(string? authorization, IServiceProvider services)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return Anonymous;
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        var principal = token.Length == 0 ? null : services.GetRequiredService<IAccessTokens>().Validate(token);
        if (principal?.FindFirst(SessionClaim)?.Value is { } sid
            && Guid.TryParse(sid, out var sessionId)
            && services.GetRequiredService<ISessionRevocations>().IsRevoked(sessionId))
        {
            return null;
        }

        return principal;
    }
}
