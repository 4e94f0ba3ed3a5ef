using System.Security.Claims;
using System.Text;
using CodeScan.Application.Common.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeScan.Infrastructure.Security;

/// <summary>HS256 access tokens: subject = user id, plus the phone number and roles.</summary>
internal sealed class JwtAccessTokens : IAccessTokens
{
    /// <summary>The claim naming the refresh-token family (sign-in session) the token was issued for.</summary>
    public const string SessionClaim = "sid";

    private readonly JwtOptions _options;
    private readonly TimeProvider _clock;
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

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

        // Symmetric keys need no metadata download: validation completes synchronously.
        var result = _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > _clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= _clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
            NameClaimType = JwtRegisteredClaimNames.Sub,
            RoleClaimType = "role",
        }).GetAwaiter().GetResult();

        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
