using System.Security.Claims;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Security;

/// <summary>
/// Validation of the service's access tokens as the transports call it for every request: a token that passed is
/// remembered until it expires, so these pin what a remembered token still goes through — the clock, each time — and
/// that nothing a request does to its principal reaches the next request's.
/// </summary>
public sealed class AccessTokenValidationTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly JwtAccessTokens _tokens;

    public AccessTokenValidationTests() =>
        _tokens = new JwtAccessTokens(Options.Create(new JwtOptions { AccessTokenLifetime = TimeSpan.FromMinutes(5) }), _clock);

    [Fact]
    public void Validate_TheSameTokenAgain_IsRefusedFromTheMomentItExpires()
    {
        var userId = Guid.NewGuid();
        var token = _tokens.Issue(userId, "+8613700000001", ["customer"]);

        Assert.Equal(userId.ToString(), _tokens.Validate(token)?.Identity?.Name);
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(userId.ToString(), _tokens.Validate(token)?.Identity?.Name);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(_tokens.Validate(token));
        Assert.Null(_tokens.Validate(token));
    }

    [Fact]
    public void Validate_EachCall_GivesAPrincipalOfItsOwn()
    {
        var token = _tokens.Issue(Guid.NewGuid(), "+8613700000002", ["customer"]);
        var first = _tokens.Validate(token)!;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("role", "platform_admin"));

        var second = _tokens.Validate(token)!;
        Assert.True(first.IsInRole("platform_admin"));
        Assert.False(second.IsInRole("platform_admin"));
        Assert.True(second.IsInRole("customer"));
        Assert.NotSame(first.Identity, second.Identity);
    }

    [Fact]
    public void Validate_ATokenThatDiffersFromAValidOne_IsValidatedAndRefused()
    {
        var token = _tokens.Issue(Guid.NewGuid(), "+8613700000003", ["customer"]);
        Assert.NotNull(_tokens.Validate(token));

        var flipped = token[^5] == 'A' ? 'B' : 'A';
        Assert.Null(_tokens.Validate(token[..^5] + flipped + token[^4..]));
        Assert.Null(_tokens.Validate(token + "A"));
        Assert.Null(_tokens.Validate(token[..^1]));
        Assert.NotNull(_tokens.Validate(token));
    }

    [Fact]
    public void Validate_PastTheTokensKept_ForgetsThemAndStillValidates()
    {
        var tokens = Enumerable.Range(0, JwtAccessTokens.TokensKept + 10).Select(_ => _tokens.Issue(Guid.NewGuid(), "+8613700000004", ["customer"])).ToList();

        Assert.All(tokens, t => Assert.NotNull(_tokens.Validate(t)));
        Assert.All(tokens.Take(20), t => Assert.NotNull(_tokens.Validate(t)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.All(tokens.Take(20).Concat(tokens.TakeLast(20)), t => Assert.Null(_tokens.Validate(t)));
    }
}
