using System.Net;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

/// <summary>Sign-in by mobile number over real HTTP: one-time codes, attempts, expiry, superseded codes.</summary>
public abstract class SignInTests(StoreMode mode)
{
    [Fact]
    public async Task SignIn_WithTheTextedCode_RegistersTheUserAndTheTokenWorks()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();

        var requested = await host.RequestCodeAsync(phone);
        Assert.Empty(requested.ErrorCodes());
        var expiresAt = DateTimeOffset.Parse(requested["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));

        var sms = Assert.Single(host.Outbox().SentTo(phone));
        var code = host.LatestCode(phone);
        Assert.Equal($"【CodeScan】您的登录验证码是 {code}，5 分钟内有效。请勿告诉他人。", sms.Text);

        // Only a keyed hash is stored, never the code.
        var challenge = Assert.Single(await host.ChallengesAsync(phone));
        Assert.DoesNotContain(code, challenge.CodeHash, StringComparison.Ordinal);
        Assert.Equal(64, challenge.CodeHash.Length);

        var signedIn = await host.SignInWithAsync(phone, code);
        Assert.Empty(signedIn.ErrorCodes());
        Assert.Equal("+86" + phone, signedIn["user"]!["phone"]!.GetValue<string>());
        Assert.False(signedIn["user"]!["isPlatformAdmin"]!.GetValue<bool>());
        Assert.Equal(43, signedIn["refreshToken"]!.GetValue<string>().Length);
        Assert.Equal(SignInChallengeStatus.Used, Assert.Single(await host.ChallengesAsync(phone)).Status);

        var me = (await host.GraphQLAsync(signedIn["accessToken"]!.GetValue<string>(), "{ me { id phone } }")).Data("me");
        Assert.Equal(signedIn["user"]!["id"]!.GetValue<string>(), me["id"]!.GetValue<string>());

        // Signing in again is the same user, and the code is spent.
        Assert.Equal(["SIGN_IN_CODE_INVALID"], (await host.SignInWithAsync(phone, code)).ErrorCodes());
        var again = await host.SignInFullyAsync(phone);
        Assert.Equal(me["id"]!.GetValue<string>(), again["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_WithoutAnAccessToken_IsNullWithoutAnError()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        var response = await ApiCalls.PostAsync(host, "{ me { id phone } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json["errors"]);
        Assert.True(response.Json["data"]!.AsObject().ContainsKey("me"), response.Text);
        Assert.Null(response.Json["data"]!["me"]);
    }

    [Fact]
    public async Task SignIn_WhenThePhoneIsAConfiguredAdmin_IsPlatformAdmin()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        var signedIn = await host.SignInFullyAsync(CodeScanHost.AdminPhone);

        Assert.True(signedIn["user"]!["isPlatformAdmin"]!.GetValue<bool>());
        var me = (await host.GraphQLAsync(signedIn["accessToken"]!.GetValue<string>(), "{ me { isPlatformAdmin } }")).Data("me");
        Assert.True(me["isPlatformAdmin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RequestSignInCode_WhenLocaleIsEnglish_TextsInEnglish()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();

        Assert.Empty((await host.RequestCodeAsync(phone, "EN_US")).ErrorCodes());

        var sms = Assert.Single(host.Outbox().SentTo(phone));
        Assert.Equal("en-US", sms.Locale);
        Assert.Equal($"CodeScan: your sign-in code is {host.LatestCode(phone)}. It expires in 5 min. Never share it with anyone.", sms.Text);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongCodes_BurnsTheCodeAndRefusesTheRightOne()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        await host.RequestCodeAsync(phone);
        var code = host.LatestCode(phone);

        for (var i = 1; i <= SignInChallenge.MaxAttempts; i++)
        {
            var wrong = await host.SignInWithAsync(phone, IdentityCalls.WrongCode(code));
            Assert.Equal(["SIGN_IN_CODE_INVALID"], wrong.ErrorCodes());
            Assert.Null(wrong["accessToken"]);

            // Each wrong code is committed although the mutation answered an error.
            Assert.Equal(i, Assert.Single(await host.ChallengesAsync(phone)).Attempts);
        }

        var right = await host.SignInWithAsync(phone, code);

        Assert.Equal(["SIGN_IN_CODE_INVALID"], right.ErrorCodes());
        Assert.Null(right["accessToken"]);
        Assert.Equal(SignInChallengeStatus.Burned, Assert.Single(await host.ChallengesAsync(phone)).Status);
    }

    [Fact]
    public async Task SignIn_WhenManyWrongCodesArriveAtOnce_EveryOneCountsAndTheCodeBurns()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        await host.RequestCodeAsync(phone);
        var code = host.LatestCode(phone);
        var wrongCodes = Enumerable.Range(1, 12).Select(i => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

        var answers = await Task.WhenAll(wrongCodes.Select(wrong => host.SignInWithAsync(phone, wrong)));

        Assert.All(answers, a => Assert.Equal(["SIGN_IN_CODE_INVALID"], a.ErrorCodes()));
        var challenge = Assert.Single(await host.ChallengesAsync(phone));
        Assert.Equal(SignInChallengeStatus.Burned, challenge.Status);
        Assert.Equal(SignInChallenge.MaxAttempts, challenge.Attempts);
        Assert.Equal(["SIGN_IN_CODE_INVALID"], (await host.SignInWithAsync(phone, code)).ErrorCodes());
    }

    [Fact]
    public async Task SignIn_WhenTheCodeHasExpired_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, s => s["Identity:CodeLifetime"] = "00:05:00");
        var phone = Phones.Next();
        await host.RequestCodeAsync(phone);
        var code = host.LatestCode(phone);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var signedIn = await host.SignInWithAsync(phone, code);

        Assert.Equal(["SIGN_IN_CODE_INVALID"], signedIn.ErrorCodes());
        Assert.Null(signedIn["accessToken"]);
    }

    [Fact]
    public async Task SignIn_WithAnEarlierCode_AfterANewerOneWasSent_IsRefused()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        await host.RequestCodeAsync(phone);
        var first = host.LatestCode(phone);
        await host.RequestCodeAsync(phone);
        var second = host.LatestCode(phone);
        if (first == second)
        {
            return; // One chance in a million: the two codes coincide and there is nothing to tell apart.
        }

        Assert.Equal(["SIGN_IN_CODE_INVALID"], (await host.SignInWithAsync(phone, first)).ErrorCodes());
        Assert.Empty((await host.SignInWithAsync(phone, second)).ErrorCodes());
        Assert.Equal([SignInChallengeStatus.Superseded, SignInChallengeStatus.Used], (await host.ChallengesAsync(phone)).Select(c => c.Status));
    }

    [Fact]
    public async Task SignIn_WhenNoCodeWasRequested_IsRefused()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        var signedIn = await host.SignInWithAsync(Phones.Next(), "123456");

        Assert.Equal(["SIGN_IN_CODE_INVALID"], signedIn.ErrorCodes());
    }

    [Fact]
    public async Task RequestSignInCode_TwiceWithinThePhoneInterval_IsRateLimitedAndSendsNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:PhoneInterval"] = "00:01:00");
        var phone = Phones.Next();
        Assert.Empty((await host.RequestCodeAsync(phone)).ErrorCodes());

        var second = await host.RequestCodeAsync(phone);

        Assert.Equal(["RATE_LIMITED"], second.ErrorCodes());
        Assert.Null(second["expiresAt"]);
        Assert.Single(host.Outbox().SentTo(phone));
        Assert.Single(await host.ChallengesAsync(phone));

        // Another number is not held up by this one.
        Assert.Empty((await host.RequestCodeAsync(Phones.Next())).ErrorCodes());
    }

    [Fact]
    public async Task RequestSignInCode_BeyondThePhoneHourlyLimit_IsRateLimitedAndSendsNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:PhonePerHour"] = "3");
        var phone = Phones.Next();
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty((await host.RequestCodeAsync(phone)).ErrorCodes());
        }

        Assert.Equal(["RATE_LIMITED"], (await host.RequestCodeAsync(phone)).ErrorCodes());
        Assert.Equal(3, host.Outbox().SentTo(phone).Count);
        Assert.Equal(3, (await host.ChallengesAsync(phone)).Count);
    }

    [Fact]
    public async Task RequestSignInCode_WhenTenArriveAtOnceForOneNumber_OnlyTheLimitGetsThrough()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:PhonePerHour"] = "3");
        var phone = Phones.Next();

        var answers = await AllAtOnce(10, () => host.RequestCodeAsync(phone));

        Assert.Equal(3, answers.Count(a => a.ErrorCodes().Count == 0));
        Assert.Equal(7, answers.Count(a => a.ErrorCodes().SequenceEqual(["RATE_LIMITED"])));
        Assert.Equal(3, (await host.ChallengesAsync(phone)).Count);
    }

    [Fact]
    public async Task RequestSignInCode_WhenTenNumbersAskAtOnceFromOneAddress_OnlyTheLimitGetsThrough()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:AddressPerHour"] = "4");

        var answers = await AllAtOnce(10, () => host.RequestCodeAsync(Phones.Next()));

        Assert.Equal(4, answers.Count(a => a.ErrorCodes().Count == 0));
        Assert.Equal(4, host.Outbox().Messages.Count);
    }

    private static async Task<JsonObject[]> AllAtOnce(int count, Func<Task<JsonObject>> request)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await request();
        })).ToArray();
        start.Release(count);
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task RequestSignInCode_BeyondTheAddressHourlyLimit_IsRateLimitedForEveryNumber()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:AddressPerHour"] = "3");
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty((await host.RequestCodeAsync(Phones.Next())).ErrorCodes());
        }

        var phone = Phones.Next();
        var refused = await host.RequestCodeAsync(phone);

        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes());
        Assert.Empty(host.Outbox().SentTo(phone));
        Assert.Empty(await host.ChallengesAsync(phone));
        Assert.Equal("127.0.0.1", Assert.Single(await host.ChallengesAsync(host.Outbox().Messages[0].To.Value)).ClientAddress);
    }

    [Fact]
    public async Task RequestSignInCode_WhenRateLimitedOverWebSocket_CountsTheSameAddress()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["Identity:RateLimits:AddressPerHour"] = "1");
        Assert.Empty((await host.RequestCodeAsync(Phones.Next())).ErrorCodes());
        var phone = Phones.Next();

        await using var socket = await Transport.GraphQLWsTestClient.ConnectAsync(host.WebSocketUri);
        await socket.SubscribeAsync("code", IdentityCalls.RequestCode, new { input = new { phone } });
        var messages = await socket.ReceiveUntilDoneAsync("code");

        var payload = messages[0].Payload!.Value.GetProperty("data").GetProperty("requestSignInCode");
        Assert.Equal("RATE_LIMITED", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Empty(host.Outbox().SentTo(phone));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+86 12345678901")]
    [InlineData("not a phone")]
    [InlineData("")]
    public async Task RequestSignInCode_WithAnInvalidPhone_IsInvalidInputAndSendsNothing(string phone)
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        var refused = await host.RequestCodeAsync(phone);

        Assert.Equal(["INVALID_INPUT"], refused.ErrorCodes());
        Assert.Equal(["input", "phone"], refused["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(host.Outbox().Messages);
    }

    [Fact]
    public async Task RequestSignInCode_WithA10000CharacterPhone_IsInvalidInput()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        Assert.Equal(["INVALID_INPUT"], (await host.RequestCodeAsync(new string('1', 10_000))).ErrorCodes());
        Assert.Empty(host.Outbox().Messages);
    }

    [Fact]
    public async Task SignIn_WithAMalformedCode_IsInvalidInputAndUsesUpNoAttempt()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        await host.RequestCodeAsync(phone);
        var code = host.LatestCode(phone);

        foreach (var malformed in new[] { "1234567", "12345", "abcdef", "12 456", "１２３４５６", new string('1', 10_000), string.Empty })
        {
            var refused = await host.SignInWithAsync(phone, malformed);
            Assert.Equal(["INVALID_INPUT"], refused.ErrorCodes());
            Assert.Equal(["input", "code"], refused["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        }

        Assert.Equal(["INVALID_INPUT"], (await host.SignInWithAsync("12345", code)).ErrorCodes());
        var challenge = Assert.Single(await host.ChallengesAsync(phone));
        Assert.Equal(0, challenge.Attempts);
        Assert.Equal(SignInChallengeStatus.Pending, challenge.Status);
        Assert.Empty(await host.RefreshTokensAsync());
        Assert.Empty((await host.SignInWithAsync(phone, code)).ErrorCodes());
    }
}

public sealed class EmbeddedSignInTests() : SignInTests(StoreMode.Embedded);

public sealed class MariaDbSignInTests() : SignInTests(StoreMode.MariaDbRedis);
