using CodeScan.Domain.Common;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Users;

namespace CodeScan.Domain.Tests.Users;

public sealed class UserSessionTests
{
    private static User NewUser()
    {
        var user = User.Register(PhoneNumber.Parse("13900000001").Value!, TestClock.Now);
        user.ClearDomainEvents();
        return user;
    }

    [Fact]
    public void RevokeSession_RecordsTheSessionAndUntilWhenItIsRefused()
    {
        var user = NewUser();
        var session = Guid.NewGuid();
        var notAfter = TestClock.Now.AddMinutes(16);

        user.RevokeSession(session, notAfter, TestClock.Now);

        var revoked = Assert.IsType<SessionRevoked>(Assert.Single(user.DomainEvents));
        Assert.Equal(new SessionRevoked(user.Id, session, notAfter, TestClock.Now), revoked);
        Assert.Equal(user.Id.ToString(), revoked.StreamId);
    }

    [Fact]
    public void RevokeSession_UntilATimeAlreadyPast_IsRefused()
    {
        var user = NewUser();

        Assert.Throws<ArgumentOutOfRangeException>(() => user.RevokeSession(Guid.NewGuid(), TestClock.Now, TestClock.Now));
        Assert.Empty(user.DomainEvents);
    }
}
