using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

/// <summary>
/// DESIGN §8: sign-in errors never reveal whether a number is known. A number that signed in before and one
/// that never did get the same answers from requestSignInCode and signIn, in every way a sign-in can fail.
/// </summary>
public sealed class SignInPrivacyTests
{
    [Fact]
    public async Task SignIn_ForAKnownAndAnUnknownNumber_FailsWithTheSameErrorInEveryCase()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded, clock);
        var known = Phones.Next();
        await host.SignInFullyAsync(known);
        var unknown = Phones.Next();

        var knownAnswers = await FailEveryWayAsync(host, clock, known);
        var unknownAnswers = await FailEveryWayAsync(host, clock, unknown);

        Assert.Equal(knownAnswers.Keys, unknownAnswers.Keys);
        foreach (var (failure, answer) in knownAnswers)
        {
            Assert.Equal(answer, unknownAnswers[failure]);
        }

        // One answer for all of them, and it says nothing about attempts or earlier codes.
        var only = Assert.Single(knownAnswers.Values.Concat(unknownAnswers.Values).Distinct());
        Assert.Equal("""[{"code":"SIGN_IN_CODE_INVALID","message":"The code is not valid. Check it, or request a new one.","path":["input","code"]}]""", only);

        // A used code of the known number answers the same again.
        await host.RequestCodeAsync(known);
        var code = host.LatestCode(known);
        Assert.Empty((await host.SignInWithAsync(known, code)).ErrorCodes());
        Assert.Equal(only, Errors(await host.SignInWithAsync(known, code)));
    }

    [Fact]
    public async Task RequestSignInCode_ForAKnownAndAnUnknownNumber_AnswersAlike()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded, clock);
        var known = Phones.Next();
        await host.SignInFullyAsync(known);
        var unknown = Phones.Next();

        var forKnown = await host.RequestCodeAsync(known);
        var forUnknown = await host.RequestCodeAsync(unknown);

        Assert.Equal(forKnown.ToJsonString(), forUnknown.ToJsonString());
        Assert.Equal(host.Outbox().SentTo(known)[^1].Text.Replace(host.LatestCode(known), "CODE", StringComparison.Ordinal), host.Outbox().SentTo(unknown)[^1].Text.Replace(host.LatestCode(unknown), "CODE", StringComparison.Ordinal));
    }

    /// <summary>The errors of signIn for each way it can fail, in order: no code pending, wrong, burned, expired, superseded.</summary>
    private static async Task<Dictionary<string, string>> FailEveryWayAsync(CodeScanHost host, FakeTimeProvider clock, string phone)
    {
        var answers = new Dictionary<string, string> { ["no code pending"] = Errors(await host.SignInWithAsync(phone, "123456")) };

        await host.RequestCodeAsync(phone);
        var code = host.LatestCode(phone);
        for (var attempt = 1; attempt <= SignInChallenge.MaxAttempts; attempt++)
        {
            answers[$"wrong code {attempt}"] = Errors(await host.SignInWithAsync(phone, IdentityCalls.WrongCode(code)));
        }

        answers["right code after the limit"] = Errors(await host.SignInWithAsync(phone, code));

        await host.RequestCodeAsync(phone);
        code = host.LatestCode(phone);
        clock.Advance(SignInChallenge.DefaultLifetime + TimeSpan.FromSeconds(1));
        answers["expired"] = Errors(await host.SignInWithAsync(phone, code));

        await host.RequestCodeAsync(phone);
        var superseded = host.LatestCode(phone);
        await host.RequestCodeAsync(phone);
        if (host.LatestCode(phone) != superseded)
        {
            answers["superseded"] = Errors(await host.SignInWithAsync(phone, superseded));
        }
        else
        {
            answers["superseded"] = answers["expired"]; // One chance in a million: the two codes coincide.
        }

        return answers;
    }

    private static string Errors(JsonObject payload)
    {
        Assert.Null(payload["accessToken"]);
        return payload["errors"]!.ToJsonString();
    }
}
