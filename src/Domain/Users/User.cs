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

    public static User Register(PhoneNumber phone, DateTimeOffset now)
    {
        var user = new User(UserId.New(), phone, now);
        user.Record(new UserRegistered(user.Id, phone.Masked(), now));
        return user;
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
