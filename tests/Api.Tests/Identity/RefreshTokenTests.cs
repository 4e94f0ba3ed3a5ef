using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

/// <summary>Refresh tokens rotate on every use; a reused one revokes its family; signing out revokes it too.</summary>
public abstract class RefreshTokenTests(StoreMode mode)
{
    [Fact]
    public async Task RefreshToken_WhenValid_IssuesNewTokensAndRetiresTheOldOne()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        var first = (await host.SignInFullyAsync(phone))["refreshToken"]!.GetValue<string>();

        var refreshed = await host.RefreshAsync(first);

        Assert.Empty(refreshed.ErrorCodes());
        var second = refreshed["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal("+86" + phone, refreshed["user"]!["phone"]!.GetValue<string>());
        var me = (await host.GraphQLAsync(refreshed["accessToken"]!.GetValue<string>(), "{ me { phone } }")).Data("me");
        Assert.Equal("+86" + phone, me["phone"]!.GetValue<string>());

        var tokens = await host.RefreshTokensAsync();
        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens.Select(t => t.FamilyId).Distinct());
        Assert.Single(tokens, t => t.RotatedAt is not null);

        // The newest token keeps working.
        Assert.Empty((await host.RefreshAsync(second)).ErrorCodes());
    }

    [Fact]
    public async Task RefreshToken_WhenARotatedTokenIsUsedAgain_RevokesTheWholeFamily()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var first = (await host.SignInFullyAsync(Phones.Next()))["refreshToken"]!.GetValue<string>();
        var second = (await host.RefreshAsync(first))["refreshToken"]!.GetValue<string>();

        var reused = await host.RefreshAsync(first);

        Assert.Equal(["REFRESH_TOKEN_INVALID"], reused.ErrorCodes());
        Assert.Null(reused["accessToken"]);

        // The revocation was committed although the mutation answered an error: the thief's copy and
        // the rightful holder's newest token are both dead.
        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(second)).ErrorCodes());
        Assert.All(await host.RefreshTokensAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task RefreshToken_WhenUsedConcurrently_ExactlyOneRequestGetsTokens()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var token = (await host.SignInFullyAsync(Phones.Next()))["refreshToken"]!.GetValue<string>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.RefreshAsync(token)));

        Assert.Single(answers, a => a.ErrorCodes().Count == 0);
        Assert.Equal(7, answers.Count(a => a.ErrorCodes().SequenceEqual(["REFRESH_TOKEN_INVALID"])));

        // One rotation only: the family holds the original and exactly one successor.
        var tokens = await host.RefreshTokensAsync();
        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public async Task RefreshToken_WhenUnknownOrExpired_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, s => s["Identity:RefreshTokenLifetime"] = "00:10:00");
        var token = (await host.SignInFullyAsync(Phones.Next()))["refreshToken"]!.GetValue<string>();

        // Another first character (a token that already starts with 'x' must not be sent back unchanged).
        var tampered = (token[0] == 'x' ? "y" : "x") + token[1..];
        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(tampered)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await host.RefreshAsync(new string('a', 10_000))).ErrorCodes());

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(token)).ErrorCodes());
        Assert.All(await host.RefreshTokensAsync(), t => Assert.Null(t.RotatedAt));
    }

    [Fact]
    public async Task SignOut_RevokesTheSessionsRefreshTokens()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        var session = await host.SignInFullyAsync(phone);
        var other = await host.SignInFullyAsync(phone);
        var access = session["accessToken"]!.GetValue<string>();
        var refresh = (await host.RefreshAsync(session["refreshToken"]!.GetValue<string>()))["refreshToken"]!.GetValue<string>();

        var signedOut = (await host.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = refresh } })).Data("signOut");

        Assert.Empty(signedOut.ErrorCodes());
        Assert.True(signedOut["signedOut"]!.GetValue<bool>());
        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(refresh)).ErrorCodes());

        // The same person's other session (another device) is untouched.
        Assert.Empty((await host.RefreshAsync(other["refreshToken"]!.GetValue<string>())).ErrorCodes());
    }

    [Fact]
    public async Task SignOut_WithSomeoneElsesToken_IsRefusedAndRevokesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var victim = (await host.SignInFullyAsync(Phones.Next()))["refreshToken"]!.GetValue<string>();
        var attacker = (await host.SignInFullyAsync(Phones.Next()))["accessToken"]!.GetValue<string>();

        var refused = (await host.GraphQLAsync(attacker, IdentityCalls.SignOut, new { input = new { refreshToken = victim } })).Data("signOut");

        Assert.Equal(["REFRESH_TOKEN_INVALID"], refused.ErrorCodes());
        Assert.False(refused["signedOut"]!.GetValue<bool>());
        Assert.Empty((await host.RefreshAsync(victim)).ErrorCodes());
    }

    [Fact]
    public async Task SignOut_WhenAnonymous_IsUnauthenticated()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var refresh = (await host.SignInFullyAsync(Phones.Next()))["refreshToken"]!.GetValue<string>();

        var response = await host.GraphQLAsync(null, IdentityCalls.SignOut, new { input = new { refreshToken = refresh } });

        Assert.Equal("UNAUTHENTICATED", response.GraphQLErrorCode());
        Assert.Empty((await host.RefreshAsync(refresh)).ErrorCodes());
    }
}

public sealed class EmbeddedRefreshTokenTests() : RefreshTokenTests(StoreMode.Embedded);

public sealed class MariaDbRefreshTokenTests() : RefreshTokenTests(StoreMode.MariaDbRedis);
