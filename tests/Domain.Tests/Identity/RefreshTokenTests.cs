using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Identity;

public sealed class RefreshTokenTests
{
    private static readonly UserId User = UserId.New();

    private static RefreshToken NewToken(TimeSpan? lifetime = null) => RefreshToken.Issue(User, Guid.NewGuid(), "hash-1", TestClock.Now, lifetime);

    [Fact]
    public void Issue_WithoutLifetime_LastsThirtyDaysAndIsUsable()
    {
        var token = NewToken();

        Assert.Equal(TestClock.Now + TimeSpan.FromDays(30), token.ExpiresAt);
        Assert.True(token.IsUsable(TestClock.Now));
        Assert.False(token.IsReused);
    }

    [Fact]
    public void Rotate_WhenUsable_RetiresItAndIssuesTheNextOfTheSameFamily()
    {
        var token = NewToken();
        var later = TestClock.Now.AddDays(1);

        var next = token.Rotate("hash-2", later).AssertSuccess();

        Assert.Equal(later, token.RotatedAt);
        Assert.False(token.IsUsable(later));
        Assert.True(token.IsReused);
        Assert.Equal(token.FamilyId, next.FamilyId);
        Assert.Equal(User, next.UserId);
        Assert.Equal("hash-2", next.TokenHash);
        Assert.NotEqual(token.Id, next.Id);
        Assert.Equal(later + RefreshToken.DefaultLifetime, next.ExpiresAt);
        Assert.True(next.IsUsable(later));
    }

    [Fact]
    public void Rotate_WhenAlreadyRotated_IsRefusedAndKeepsTheFirstRotation()
    {
        var token = NewToken();
        token.Rotate("hash-2", TestClock.Now).AssertSuccess();

        token.Rotate("hash-3", TestClock.Now.AddMinutes(1)).AssertFailure(ErrorCode.RefreshTokenInvalid, "refreshToken");

        Assert.Equal(TestClock.Now, token.RotatedAt);
    }

    [Fact]
    public void Rotate_WhenExpired_IsRefused()
    {
        var token = NewToken(TimeSpan.FromMinutes(1));

        token.Rotate("hash-2", token.ExpiresAt).AssertFailure(ErrorCode.RefreshTokenInvalid, "refreshToken");

        Assert.Null(token.RotatedAt);
    }

    [Fact]
    public void Rotate_WhenRevoked_IsRefused()
    {
        var token = NewToken();
        token.Revoke(TestClock.Now);

        token.Rotate("hash-2", TestClock.Now).AssertFailure(ErrorCode.RefreshTokenInvalid, "refreshToken");

        Assert.False(token.IsReused);
    }

    [Fact]
    public void Revoke_Twice_KeepsTheFirstInstant()
    {
        var token = NewToken();

        token.Revoke(TestClock.Now);
        token.Revoke(TestClock.Now.AddHours(1));

        Assert.Equal(TestClock.Now, token.RevokedAt);
        Assert.False(token.IsUsable(TestClock.Now));
    }
}
