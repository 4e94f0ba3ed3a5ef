using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Identity;

public sealed class SignInChallengeTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("13812341234").Value!;

    private static SignInChallenge NewChallenge(TimeSpan? lifetime = null) => SignInChallenge.Issue(Phone, "hash", "127.0.0.1", TestClock.Now, lifetime);

    [Fact]
    public void Issue_WithoutLifetime_ExpiresAfterFiveMinutesAndIsPending()
    {
        var challenge = NewChallenge();

        Assert.Equal(TestClock.Now + TimeSpan.FromMinutes(5), challenge.ExpiresAt);
        Assert.Equal(SignInChallengeStatus.Pending, challenge.Status);
        Assert.Equal(0, challenge.Attempts);
    }

    [Fact]
    public void Issue_WithLifetime_ExpiresThen()
    {
        Assert.Equal(TestClock.Now + TimeSpan.FromSeconds(30), NewChallenge(TimeSpan.FromSeconds(30)).ExpiresAt);
    }

    [Fact]
    public void Issue_WithAVeryLongAddress_KeepsTheFirst64Characters()
    {
        var challenge = SignInChallenge.Issue(Phone, "hash", new string('a', 100), TestClock.Now);

        Assert.Equal(64, challenge.ClientAddress.Length);
    }

    [Fact]
    public void Verify_WhenCodeMatches_IsUsed()
    {
        var challenge = NewChallenge();

        Assert.Equal(SignInChallengeStatus.Used, challenge.Verify(codeMatches: true, TestClock.Now.AddMinutes(1)).AssertSuccess());
        Assert.Equal(SignInChallengeStatus.Used, challenge.Status);
    }

    [Fact]
    public void Verify_WhenUsedAlready_IsRefused()
    {
        var challenge = NewChallenge();
        challenge.Verify(codeMatches: true, TestClock.Now);

        challenge.Verify(codeMatches: true, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code");
    }

    [Fact]
    public void Verify_WhenWrong_CountsAnAttemptAndAnswersLikeEveryOtherRefusal()
    {
        var challenge = NewChallenge();

        var error = challenge.Verify(codeMatches: false, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code");

        Assert.Equal(1, challenge.Attempts);
        Assert.Equal(SignInChallengeStatus.Pending, challenge.Status);
        Assert.Equal(SignInChallenge.Refused, error);
        Assert.DoesNotContain("attempt", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Verify_WhenExpiredUsedOrBurned_AnswersTheSameRefusal()
    {
        var expired = NewChallenge();
        var used = NewChallenge();
        used.Verify(codeMatches: true, TestClock.Now);
        var burned = NewChallenge();
        for (var i = 0; i < SignInChallenge.MaxAttempts; i++)
        {
            burned.Verify(codeMatches: false, TestClock.Now);
        }

        Assert.Equal(SignInChallenge.Refused, expired.Verify(codeMatches: true, expired.ExpiresAt).AssertFailure(ErrorCode.SignInCodeInvalid, "code"));
        Assert.Equal(SignInChallenge.Refused, used.Verify(codeMatches: true, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code"));
        Assert.Equal(SignInChallenge.Refused, burned.Verify(codeMatches: true, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code"));
    }

    [Fact]
    public void Verify_WhenWrongFiveTimes_BurnsTheChallengeAndRefusesTheRightCode()
    {
        var challenge = NewChallenge();
        for (var i = 0; i < SignInChallenge.MaxAttempts; i++)
        {
            challenge.Verify(codeMatches: false, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code");
        }

        Assert.Equal(SignInChallengeStatus.Burned, challenge.Status);
        challenge.Verify(codeMatches: true, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code");
        Assert.Equal(SignInChallengeStatus.Burned, challenge.Status);
        Assert.Equal(SignInChallenge.MaxAttempts, challenge.Attempts);
    }

    [Fact]
    public void Verify_AtTheExpiryInstant_IsRefusedAndCountsNothing()
    {
        var challenge = NewChallenge();

        challenge.Verify(codeMatches: true, challenge.ExpiresAt).AssertFailure(ErrorCode.SignInCodeInvalid, "code");

        Assert.Equal(SignInChallengeStatus.Pending, challenge.Status);
        Assert.Equal(0, challenge.Attempts);
    }

    [Fact]
    public void Verify_JustBeforeExpiry_Succeeds()
    {
        var challenge = NewChallenge();

        challenge.Verify(codeMatches: true, challenge.ExpiresAt.AddTicks(-1)).AssertSuccess();
    }

    [Fact]
    public void Supersede_WhenPending_RefusesTheCodeAfterwards()
    {
        var challenge = NewChallenge();

        challenge.Supersede();

        Assert.Equal(SignInChallengeStatus.Superseded, challenge.Status);
        challenge.Verify(codeMatches: true, TestClock.Now).AssertFailure(ErrorCode.SignInCodeInvalid, "code");
    }

    [Fact]
    public void Supersede_WhenUsed_KeepsItUsed()
    {
        var challenge = NewChallenge();
        challenge.Verify(codeMatches: true, TestClock.Now);

        challenge.Supersede();

        Assert.Equal(SignInChallengeStatus.Used, challenge.Status);
    }
}
