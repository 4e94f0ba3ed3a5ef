using System.Security.Claims;
using CodeScan.Application.Common.Security;

namespace CodeScan.Api.Transport;

/// <summary>
/// Turns an <c>Authorization</c> value into a principal. No value means an anonymous caller (resolvers decide
/// what anonymous callers may do); a value that does not validate is rejected outright, so a client with an
/// expired token learns it instead of silently getting anonymous results.
/// </summary>
internal static class BearerAuthentication
{
    private const string Scheme = "Bearer ";

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>Returns the caller, or <c>null</c> when the value is present but not a valid bearer token.</summary>
    public static ClaimsPrincipal? Authenticate(string? authorization, Func<IAccessTokens> accessTokens)
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
        return token.Length == 0 ? null : accessTokens().Validate(token);
    }
}
