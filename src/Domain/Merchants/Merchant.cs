using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// A business on the platform. It applies, is reviewed by a platform admin, and once approved holds a
/// unique merchant code behind its QR code.
/// </summary>
public sealed class Merchant : AggregateRoot
{
    private Merchant()
    {
        Profile = null!;
    }

    private Merchant(MerchantId id, MerchantProfile profile, UserId ownerId, DateTimeOffset now)
    {
        Id = id;
        Profile = profile;
        OwnerId = ownerId;
        Status = MerchantStatus.PendingReview;
        AppliedAt = now;
    }

    public MerchantId Id { get; private set; }

    public MerchantProfile Profile { get; private set; }

    public UserId OwnerId { get; private set; }

    public MerchantStatus Status { get; private set; }

    public MerchantCode? Code { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public UserId? ReviewedBy { get; private set; }

    /// <summary>Optimistic concurrency token: two admins deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    public string Currency => Profile.Currency;

    public bool CanTrade => Status == MerchantStatus.Approved;

    public static Merchant Register(MerchantProfile profile, UserId ownerId, DateTimeOffset now)
    {
        var merchant = new Merchant(MerchantId.New(), profile, ownerId, now);
        merchant.Record(new MerchantRegistered(
            merchant.Id, ownerId, profile.Name, profile.Category, profile.Locale, profile.Currency, now));
        return merchant;
    }

    public Result<MerchantCode> Approve(UserId adminId, MerchantCode code, DateTimeOffset now)
    {
        if (Status != MerchantStatus.PendingReview)
        {
            return new Error(
                ErrorCode.InvalidStateTransition,
                $"Only an application pending review can be approved; this one is {Status}.");
        }

        Status = MerchantStatus.Approved;
        Code = code;
        ReviewedAt = now;
        ReviewedBy = adminId;
        Version++;
        Record(new MerchantApproved(Id, code.Value, adminId, now));
        return code;
    }

    public bool IsStaff(UserId userId) => userId == OwnerId;
}

public sealed record MerchantRegistered(
    MerchantId MerchantId,
    UserId OwnerId,
    string Name,
    string Category,
    string Locale,
    string Currency,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}

public sealed record MerchantApproved(
    MerchantId MerchantId,
    string MerchantCode,
    UserId ApprovedBy,
    DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => MerchantId.ToString();
}
