using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

public enum StaffRole
{
    Owner,
    Cashier,

    /// <summary>Reads the merchant's reports (sales); acts for it in nothing and sees no full phone number.</summary>
    Analyst,
}

/// <summary>Someone who acts for a merchant. Removal is recorded, never deleted.</summary>
public sealed class MerchantStaffMember
{
    private MerchantStaffMember()
    {
    }

    public Guid Id { get; private set; }

    public UserId UserId { get; private set; }

    public StaffRole Role { get; private set; }

    public UserId AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public UserId? RemovedBy { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsActive => RemovedAt is null;

    internal static MerchantStaffMember Create(UserId userId, StaffRole role, UserId addedBy, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        UserId = userId,
        Role = role,
        AddedBy = addedBy,
        AddedAt = now,
    };

    internal void Remove(UserId by, DateTimeOffset now)
    {
        RemovedBy = by;
        RemovedAt = now;
    }
}
