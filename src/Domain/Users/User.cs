using CodeScan.Domain.Common;

namespace CodeScan.Domain.Users;

/// <summary>
/// A person known by a mobile number. Everybody is a customer; staff and admin roles come on top.
/// </summary>
public sealed class User : AggregateRoot
{
    private User()
    {
        Phone = null!;
    }

    private User(UserId id, PhoneNumber phone, DateTimeOffset now)
    {
        Id = id;
        Phone = phone;
        RegisteredAt = now;
    }

    public UserId Id { get; private set; }

    public PhoneNumber Phone { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Reads the platform's reports (every merchant's figures, never a full phone); granted by a platform admin.</summary>
    public bool IsPlatformAnalyst { get; private set; }

    public static User Register(PhoneNumber phone, DateTimeOffset now)
    {
        var user = new User(UserId.New(), phone, now);
        user.Record(new UserRegistered(user.Id, phone.Masked(), now));
        return user;
    }

    /// <summary>Makes the user a platform analyst; granting the role twice is refused, so a retry can tell.</summary>
    public Result<UserId> GrantPlatformAnalyst(UserId grantedBy, DateTimeOffset now)
    {
        if (IsPlatformAnalyst)
        {
            return new Error(ErrorCode.InvalidStateTransition, "This person is already a platform analyst.", "phone");
        }

        IsPlatformAnalyst = true;
        Record(new PlatformAnalystGranted(Id, grantedBy, now));
        return Id;
    }

    /// <summary>Takes the platform analyst role away; the next report the user asks for is refused.</summary>
    public Result<UserId> RevokePlatformAnalyst(UserId revokedBy, DateTimeOffset now)
    {
        if (!IsPlatformAnalyst)
        {
            return Error.NotFound("The platform analyst", "phone");
        }

        IsPlatformAnalyst = false;
        Record(new PlatformAnalystRevoked(Id, revokedBy, now));
        return Id;
    }

    /// <summary>
    /// Records that one of the user's sign-in sessions ended (sign-out, or a stolen refresh token). The
    /// session's refresh tokens are rows of their own; this event is what tells every API node to refuse
    /// the session's access tokens until <paramref name="notAfter"/>, when the last of them has expired.
    /// </summary>
    public void RevokeSession(Guid sessionId, DateTimeOffset notAfter, DateTimeOffset now)
    {
        if (notAfter <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(notAfter), "A session is revoked until a time still to come.");
        }

        Record(new SessionRevoked(Id, sessionId, notAfter, now));
    }
}

public sealed record UserRegistered(UserId UserId, string PhoneMasked, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => UserId.ToString();
}

/// <summary>The session's access tokens are refused until <see cref="NotAfter"/>; after that none of them is valid anyway.</summary>
public sealed record SessionRevoked(UserId UserId, Guid SessionId, DateTimeOffset NotAfter, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => UserId.ToString();
}

public sealed record PlatformAnalystGranted(UserId UserId, UserId GrantedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => UserId.ToString();
}

public sealed record PlatformAnalystRevoked(UserId UserId, UserId RevokedBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => UserId.ToString();
}
