using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// A business on the platform. It applies, is reviewed by a platform admin, and once approved holds a
/// unique merchant code behind its QR code. Its owner adds and removes cashiers.
/// </summary>
public sealed partial class Merchant : AggregateRoot
{
    public const int MaxReasonLength = 500;
    public const int MaxCashiers = 50;

    private readonly List<MerchantStaffMember> _staff = [];
    private readonly List<MerchantDecision> _decisions = [];

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
        TimeZone = MerchantTimeZone.Default;
    }

    public MerchantId Id { get; private set; }

    public MerchantProfile Profile { get; private set; }

    public UserId OwnerId { get; private set; }

    public MerchantStatus Status { get; private set; }

    public MerchantCode? Code { get; private set; }

    /// <summary>The version printed in the QR code; rotating the code increments it and voids earlier prints.</summary>
    public int QrVersion { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>The IANA time zone its days are counted in (<see cref="MerchantTimeZone"/>).</summary>
    public string TimeZone { get; private set; } = MerchantTimeZone.Default;

    public DateTimeOffset? ReviewedAt { get; private set; }

    public UserId? ReviewedBy { get; private set; }

    /// <summary>Optimistic concurrency token: two admins deciding at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<MerchantStaffMember> Staff => _staff;

    /// <summary>Every review decision, oldest first: who, when, why. The applicant sees them.</summary>
    public IReadOnlyList<MerchantDecision> Decisions => _decisions;

    public string Currency => Profile.Currency;

    public bool CanTrade => TradesWhen(Status);

    public TradingTerms Terms => new(Id, Status, Currency);

    /// <summary>Only an approved merchant takes payments and sells: pending, rejected and suspended ones do not.</summary>
    public static bool TradesWhen(MerchantStatus status) => status == MerchantStatus.Approved;

    public static Merchant Register(MerchantProfile profile, UserId ownerId, DateTimeOffset now)
    {
        var merchant = new Merchant(MerchantId.New(), profile, ownerId, now);
        merchant._staff.Add(MerchantStaffMember.Create(ownerId, StaffRole.Owner, ownerId, now));
        merchant.Record(new MerchantRegistered(
            merchant.Id, ownerId, profile.Name, profile.Category, profile.Locale, profile.Currency, now));
        return merchant;
    }

    /// <summary>Voids every QR code printed so far; the next print carries the new version.</summary>
    public Result<int> RotateQrCode(UserId ownerId, DateTimeOffset now)
    {
        if (Code is null || Status is not (MerchantStatus.Approved or MerchantStatus.Suspended))
        {
            return new Error(ErrorCode.MerchantNotApproved, "Only an approved merchant has a QR code.");
        }

        QrVersion++;
        Version++;
        Record(new MerchantQrCodeRotated(Id, QrVersion, ownerId, now));
        return QrVersion;
    }

    public bool IsOwner(UserId userId) => userId == OwnerId;

    /// <summary>The owner or an active cashier: who acts for the merchant (an analyst only reads its reports).</summary>
    public bool IsStaff(UserId userId) => userId == OwnerId || _staff.Any(s => s.UserId == userId && s.Role == StaffRole.Cashier && s.IsActive);

    /// <summary>Counts the merchant's days in another zone from now on; days already counted stay as they were.</summary>
    public Result<string> ChangeTimeZone(string timeZone, UserId ownerId, DateTimeOffset now)
    {
        var zone = MerchantTimeZone.Find(timeZone);
        if (!zone.IsSuccess)
        {
            return zone.Error!;
        }

        if (zone.Value!.Id != TimeZone)
        {
            TimeZone = zone.Value.Id;
            Version++;
            Record(new MerchantTimeZoneChanged(Id, TimeZone, ownerId, now));
        }

        return TimeZone;
    }
}
