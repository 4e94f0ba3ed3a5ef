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
        var token = _tokens.Issue(Guid.NewGuid(), "+8613700000002", ["customer"], sessionId: Guid.NewGuid());
        var first = _tokens.Validate(token)!;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("role", "platform_admin"));

        // The second comes from the tokens remembered: changing it must not reach the third either.
        var second = _tokens.Validate(token)!;
        Assert.True(first.IsInRole("platform_admin"));
        Assert.False(second.IsInRole("platform_admin"));
        ((ClaimsIdentity)second.Identity!).AddClaim(new Claim("role", "platform_admin"));

        var third = _tokens.Validate(token)!;
        Assert.False(third.IsInRole("platform_admin"));
        Assert.True(third.IsInRole("customer"));
        Assert.NotSame(second.Identity, third.Identity);

        // Claim types match case-sensitively, as the token handler's own identities do.
        Assert.NotNull(third.FindFirst("sid"));
        Assert.Null(third.FindFirst("SID"));
        Assert.Null(third.FindFirst("Role"));
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
    public void Validate_PastTheTokensKept_ForgetsTheExpiredOnesFirst()
    {
        var expiring = Issue(JwtAccessTokens.TokensKept / 2);
        Assert.All(expiring, t => Assert.NotNull(_tokens.Validate(t)));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var fresh = Issue((JwtAccessTokens.TokensKept / 2) + 10);
        Assert.All(fresh, t => Assert.NotNull(_tokens.Validate(t)));

        // Making room forgot the expired half, not the live tokens: every fresh one is still remembered.
        Assert.InRange(_tokens.TokensRemembered, fresh.Count, JwtAccessTokens.TokensKept);
        Assert.All(expiring.Take(20), t => Assert.Null(_tokens.Validate(t)));
    }

    [Fact]
    public void Validate_PastTheTokensKept_AllLive_ForgetsThemAndStillValidates()
    {
        var tokens = Issue(JwtAccessTokens.TokensKept + 10);

        Assert.All(tokens, t => Assert.NotNull(_tokens.Validate(t)));
        Assert.InRange(_tokens.TokensRemembered, 1, JwtAccessTokens.TokensKept);
        Assert.All(tokens.Take(20), t => Assert.NotNull(_tokens.Validate(t)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.All(tokens.Take(20).Concat(tokens.TakeLast(20)), t => Assert.Null(_tokens.Validate(t)));
    }

    private List<string> Issue(int count) =>
        Enumerable.Range(0, count).Select(i => _tokens.Issue(Guid.NewGuid(), "+8613700000004", ["customer"])).ToList();
}
