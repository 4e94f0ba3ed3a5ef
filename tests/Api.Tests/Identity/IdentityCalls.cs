using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Infrastructure.Identity;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Identity;

/// <summary>The identity mutations as a client sends them, and what the tests read back.</summary>
internal static class IdentityCalls
{
    public const string RequestCode = """
        mutation($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { expiresAt errors { code message path } } }
        """;

    public const string SignIn = """
        mutation($input: SignInInput!) {
          signIn(input: $input) {
            accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
            user { id phone isPlatformAdmin }
            errors { code message path }
          }
        }
        """;

    public const string Refresh = """
        mutation($input: RefreshTokenInput!) {
          refreshToken(input: $input) { accessToken accessTokenExpiresAt refreshToken user { phone } errors { code message path } }
        }
        """;

    public const string SignOut = """
        mutation($input: SignOutInput!) { signOut(input: $input) { signedOut errors { code message path } } }
        """;

    public static async Task<JsonObject> RequestCodeAsync(this CodeScanHost host, string phone, string? locale = null) =>
        (await host.GraphQLAsync(null, RequestCode, new { input = new { phone, locale } })).Data("requestSignInCode");

    public static async Task<JsonObject> SignInWithAsync(this CodeScanHost host, string phone, string code) =>
        (await host.GraphQLAsync(null, SignIn, new { input = new { phone, code } })).Data("signIn");

    public static async Task<JsonObject> RefreshAsync(this CodeScanHost host, string refreshToken) =>
        (await host.GraphQLAsync(null, Refresh, new { input = new { refreshToken } })).Data("refreshToken");

    /// <summary>Requests a code and signs in with it; returns the signIn payload.</summary>
    public static async Task<JsonObject> SignInFullyAsync(this CodeScanHost host, string phone)
    {
        Assert.Empty((await host.RequestCodeAsync(phone)).ErrorCodes());
        var signedIn = await host.SignInWithAsync(phone, host.LatestCode(phone));
        Assert.Empty(signedIn.ErrorCodes());
        return signedIn;
    }

    public static DevelopmentSmsOutbox Outbox(this CodeScanHost host) => host.Services.GetRequiredService<DevelopmentSmsOutbox>();

    public static string LatestCode(this CodeScanHost host, string phone) =>
        host.Outbox().LatestCodeFor(phone) ?? throw new Xunit.Sdk.XunitException($"No code was sent to {phone}.");

    /// <summary>A 6-digit code that is not <paramref name="code"/>.</summary>
    public static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<List<SignInChallenge>> ChallengesAsync(this CodeScanHost host, string phone)
    {
        var e164 = PhoneNumber.Parse(phone).Value!;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.SignInChallenges.AsNoTracking().Where(c => c.Phone == e164).OrderBy(c => c.CreatedAt).ToListAsync();
    }

    public static async Task<List<RefreshToken>> RefreshTokensAsync(this CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return await db.RefreshTokens.AsNoTracking().ToListAsync();
    }
}
