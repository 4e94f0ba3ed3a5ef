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
}

public sealed record UserRegistered(UserId UserId, string PhoneMasked, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => UserId.ToString();
}
