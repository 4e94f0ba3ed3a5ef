using CodeScan.Domain.Common;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Users;

namespace CodeScan.Domain.Tests.Users;

public sealed class PlatformAnalystRoleTests
{
    private static readonly UserId Admin = UserId.New();

    private static User NewUser()
    {
        var user = User.Register(PhoneNumber.Parse("13900000001").Value!, TestClock.Now);
        user.ClearDomainEvents();
        return user;
    }

    [Fact]
    public void GrantThenRevoke_ChangesTheRoleAndRecordsWhoDidIt()
    {
        var user = NewUser();

        Assert.True(user.GrantPlatformAnalyst(Admin, TestClock.Now).IsSuccess);
        Assert.True(user.IsPlatformAnalyst);
        Assert.True(user.RevokePlatformAnalyst(Admin, TestClock.Now.AddDays(1)).IsSuccess);

        Assert.False(user.IsPlatformAnalyst);
        Assert.Equal(
            [new PlatformAnalystGranted(user.Id, Admin, TestClock.Now), new PlatformAnalystRevoked(user.Id, Admin, TestClock.Now.AddDays(1))],
            user.DomainEvents.Cast<object>().ToArray());
    }

    [Fact]
    public void GrantTwiceOrRevokeWithoutTheRole_IsRefusedAndRecordsNothing()
    {
        var user = NewUser();

        Assert.Equal(ErrorCode.NotFound, user.RevokePlatformAnalyst(Admin, TestClock.Now).Error!.Code);
        user.GrantPlatformAnalyst(Admin, TestClock.Now);
        user.ClearDomainEvents();
        Assert.Equal(ErrorCode.InvalidStateTransition, user.GrantPlatformAnalyst(Admin, TestClock.Now).Error!.Code);

        Assert.True(user.IsPlatformAnalyst);
        Assert.Empty(user.DomainEvents);
    }
}
