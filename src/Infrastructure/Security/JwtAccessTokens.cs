using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using CodeScan.Application.Common.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// HS256 access tokens: subject = user id, plus the phone number and roles. A token that passed validation is
/// remembered, as the exact string it was, until it expires: a client sends the same token with every request for
/// its whole lifetime, and checking its signature and parsing its claims again each time was ~3% of a payment's
/// CPU on the node. Only the lifetime is checked again (against the clock, each time); a string that differs in any
/// character is validated from scratch. Sign-out is not this class's concern: revoked sessions are refused after it.
/// </summary>
internal sealed class JwtAccessTokens : IAccessTokens
{
    /// <summary>The claim naming the refresh-token family (sign-in session) the token was issued for.</summary>
    public const string SessionClaim = "sid";

    /// <summary>
    /// How many validated tokens are remembered at most: when as many were added, the expired ones are forgotten,
    /// and if that is not enough, all of them (to be validated again when they come back).
    /// </summary>
    internal const int TokensKept = 10_000;

    private static readonly TimeSpan NotBeforeSkew = TimeSpan.FromSeconds(30);

    private readonly JwtOptions _options;
    private readonly TimeProvider _clock;
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);
    private int _added;

    public JwtAccessTokens(IOptions<JwtOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_options.SigningKey));
    }

    public string Issue(Guid userId, string phoneE164, IReadOnlyCollection<string> roles, Guid? sessionId = null)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = userId.ToString(),
            ["phone"] = phoneE164,
            ["role"] = roles.ToArray(),
        };
        if (sessionId is { } sid)
        {
            claims[SessionClaim] = sid.ToString();
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.AccessTokenLifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public ClaimsPrincipal? Validate(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }

        if (_validated.TryGetValue(token, out var known))
        {
            return Live(known.NotBefore, known.Expires) ? new ClaimsPrincipal(new CaseSensitiveClaimsIdentity(known.Identity)) : Forget(token);
        }

        // Symmetric keys need no metadata download: validation completes synchronously.
        var result = _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = NotBeforeSkew,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && Live(notBefore, e),
            NameClaimType = JwtRegisteredClaimNames.Sub,
            RoleClaimType = "role",
        }).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            return null;
        }

        Remember(token, result);
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }

    /// <summary>Whether a token with these bounds is valid now (its expiry exact, its start with 30 seconds of skew).</summary>
    private bool Live(DateTime? notBefore, DateTime expires)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return expires > now && (notBefore is null || notBefore <= now + NotBeforeSkew);
    }

    private void Remember(string token, TokenValidationResult result)
    {
        if (result.SecurityToken is not JsonWebToken { ValidTo: var expires } jwt || expires == DateTime.MinValue)
        {
            return;
        }

        if (Interlocked.Increment(ref _added) >= TokensKept)
        {
            MakeRoom();
        }

        // A copy, so that what a request does to its principal never reaches the one remembered.
        _validated[token] = new Validated(new CaseSensitiveClaimsIdentity(result.ClaimsIdentity), jwt.ValidFrom == DateTime.MinValue ? null : jwt.ValidFrom, expires);
    }

    /// <summary>Forgets the expired tokens, or every token if that leaves too many; counts afresh from what is left.</summary>
    private void MakeRoom()
    {
        foreach (var (token, validated) in _validated)
        {
            if (!Live(validated.NotBefore, validated.Expires))
            {
                _validated.TryRemove(token, out _);
            }
        }

        if (_validated.Count >= TokensKept)
        {
            _validated.Clear();
        }

        Volatile.Write(ref _added, _validated.Count);
    }

    /// <summary>How many validated tokens are remembered now.</summary>
    internal int TokensRemembered => _validated.Count;

    private ClaimsPrincipal? Forget(string token)
    {
        _validated.TryRemove(token, out _);
        return null;
    }

    /// <summary>A token that passed validation: its claims (copied for every request, claim types matched case-sensitively as the handler's are) and its lifetime.</summary>
    private sealed record Validated(ClaimsIdentity Identity, DateTime? NotBefore, DateTime Expires);
}
