using System.Net;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

/// <summary>An expired or tampered access token is refused on both transports: HTTP 401, socket close 4403.</summary>
public abstract class AccessTokenTests(StoreMode mode)
{
    [Fact]
    public async Task AccessToken_WhenExpired_Is401OnHttpAndCloses4403OnWebSocket()
    {
        // The service's clock is a fake one: the token expires when the test moves time on, not when a busy
        // machine happens to get there.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, s => s["Jwt:AccessTokenLifetime"] = "00:05:00");
        var signedIn = await host.SignInFullyAsync(Phones.Next());
        var token = signedIn["accessToken"]!.GetValue<string>();
        var expiresAt = DateTimeOffset.Parse(signedIn["accessTokenExpiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - clock.GetUtcNow(), TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        // The control: the same token works while it is fresh, up to its last second.
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: token)).Status);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: token)).Status);

        clock.Advance(TimeSpan.FromSeconds(3));
        await AssertRefusedAsync(host, token);

        // The refresh token still buys a new one.
        var refreshed = await host.RefreshAsync(signedIn["refreshToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: refreshed["accessToken"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task AccessToken_WhenTampered_Is401OnHttpAndCloses4403OnWebSocket()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var token = (await host.SignInFullyAsync(Phones.Next()))["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: token)).Status);

        var promoted = ApiCalls.Tamper(token, claims => claims["role"] = new System.Text.Json.Nodes.JsonArray("customer", "platform_admin"));
        // A character inside the signature (the last one carries padding bits a decoder may ignore).
        var flipped = token[^5] == 'A' ? 'B' : 'A';
        var badSignature = token[..^5] + flipped + token[^4..];

        await AssertRefusedAsync(host, promoted);
        await AssertRefusedAsync(host, badSignature);
    }

    [Fact]
    public async Task AccessToken_WhenItsSessionIsSignedOut_Is401OnHttpAndCloses4403OnWebSocket()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var session = await host.SignInFullyAsync(Phones.Next());
        var access = session["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: access)).Status);

        var signedOut = (await host.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } })).Data("signOut");
        Assert.Empty(signedOut.ErrorCodes());

        await AssertRefusedAsync(host, access);
    }

    [Fact]
    public async Task AccessToken_WhenARotatedRefreshTokenIsReused_IsRevokedWithItsWholeSession()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var session = await host.SignInFullyAsync(Phones.Next());
        var stolen = session["refreshToken"]!.GetValue<string>();
        var rotated = await host.RefreshAsync(stolen);
        var currentAccess = rotated["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(host, "{ me { id } }", token: currentAccess)).Status);

        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(stolen)).ErrorCodes());

        await AssertRefusedAsync(host, currentAccess);
        await AssertRefusedAsync(host, session["accessToken"]!.GetValue<string>());
    }

    private static async Task AssertRefusedAsync(CodeScanHost host, string token)
    {
        var response = await ApiCalls.PostAsync(host, "{ me { id } }", token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);

        await using var socket = await GraphQLWsTestClient.OpenAsync(host.WebSocketUri);
        await socket.InitAsync("Bearer " + token);
        var close = await socket.ReceiveCloseAsync();
        Assert.Equal(4403, close.Code);
    }
}

public sealed class EmbeddedAccessTokenTests() : AccessTokenTests(StoreMode.Embedded);

public sealed class MariaDbAccessTokenTests() : AccessTokenTests(StoreMode.MariaDbRedis);
