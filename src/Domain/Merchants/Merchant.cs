using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// A business on the platform. It applies, is reviewed by a platform admin, and once approved holds a
/// unique merchant code behind its QR code. Its owner adds and removes cashiers.
/// </summary>
public sealed class Merchant : AggregateRoot
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
    }

    public MerchantId Id { get; private set; }

    public MerchantProfile Profile { get; private set; }

    public UserId OwnerId { get; private set; }

    public MerchantStatus Status { get; private set; }

    public MerchantCode? Code { get; private set; }

    /// <summary>The version printed in the QR code; rotating the code increments it and voids earlier prints.</summary>
    public int QrVersion { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

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

    public Result<MerchantCode> Approve(UserId adminId, MerchantCode code, DateTimeOffset now)
    {
        if (Status != MerchantStatus.PendingReview)
        {
            return NotAllowed("approved");
        }

        Status = MerchantStatus.Approved;
        Code = code;
        QrVersion = 1;
        Decide(MerchantDecisionKind.Approved, adminId, null, now);
        Record(new MerchantApproved(Id, code.Value, adminId, now));
        return code;
    }

    public Result<MerchantStatus> Reject(UserId adminId, string? reason, DateTimeOffset now)
    {
        if (Status != MerchantStatus.PendingReview)
        {
            return NotAllowed("rejected");
        }

        if (Reason(reason) is { } error)
        {
            return error;
        }

        Status = MerchantStatus.Rejected;
        Decide(MerchantDecisionKind.Rejected, adminId, reason!.Trim(), now);
        Record(new MerchantRejected(Id, adminId, reason.Trim(), now));
        return Status;
    }

    /// <summary>A rejected applicant corrects the details and applies again.</summary>
    public Result<MerchantStatus> Resubmit(UserId applicantId, MerchantProfile corrected, DateTimeOffset now)
    {
        if (applicantId != OwnerId)
        {
            return new Error(ErrorCode.InvalidStateTransition, "Only the applicant can apply again.");
        }

        if (Status != MerchantStatus.Rejected)
        {
            return NotAllowed("resubmitted");
        }

        Profile = corrected;
        Status = MerchantStatus.PendingReview;
        AppliedAt = now;
        Decide(MerchantDecisionKind.Resubmitted, applicantId, null, now);
        Record(new MerchantResubmitted(Id, corrected.Name, corrected.Category, corrected.Locale, corrected.Currency, now));
        return Status;
    }

    public Result<MerchantStatus> Suspend(UserId adminId, string? reason, DateTimeOffset now)
    {
        if (Status != MerchantStatus.Approved)
        {
            return NotAllowed("suspended");
        }

        if (Reason(reason) is { } error)
        {
            return error;
        }

        Status = MerchantStatus.Suspended;
        Decide(MerchantDecisionKind.Suspended, adminId, reason!.Trim(), now);
        Record(new MerchantSuspended(Id, adminId, reason.Trim(), now));
        return Status;
    }

    public Result<MerchantStatus> Reinstate(UserId adminId, DateTimeOffset now)
    {
        if (Status != MerchantStatus.Suspended)
        {
            return NotAllowed("reinstated");
        }

        Status = MerchantStatus.Approved;
        Decide(MerchantDecisionKind.Reinstated, adminId, null, now);
        Record(new MerchantReinstated(Id, adminId, now));
        return Status;
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

    public Result<MerchantStaffMember> AddCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        if (_staff.Any(s => s.UserId == cashierId && s.IsActive))
        {
            return new Error(ErrorCode.InvalidStateTransition, "This person is already on the staff.", "phone");
        }

        if (_staff.Count(s => s.Role == StaffRole.Cashier && s.IsActive) >= MaxCashiers)
        {
            return new Error(ErrorCode.InvalidInput, $"A merchant has at most {MaxCashiers} cashiers.", "phone");
        }

        var member = MerchantStaffMember.Create(cashierId, StaffRole.Cashier, ownerId, now);
        _staff.Add(member);
        Version++;
        Record(new CashierAdded(Id, cashierId, ownerId, now));
        return member;
    }

    public Result<UserId> RemoveCashier(UserId cashierId, UserId ownerId, DateTimeOffset now)
    {
        var member = _staff.FirstOrDefault(s => s.UserId == cashierId && s.Role == StaffRole.Cashier && s.IsActive);
        if (member is null)
        {
            return Error.NotFound("The cashier", "phone");
        }

        member.Remove(ownerId, now);
        Version++;
        Record(new CashierRemoved(Id, cashierId, ownerId, now));
        return cashierId;
    }

    public bool IsOwner(UserId userId) => userId == OwnerId;

    public bool IsStaff(UserId userId) => userId == OwnerId || _staff.Any(s => s.UserId == userId && s.IsActive);

    private void Decide(MerchantDecisionKind kind, UserId by, string? reason, DateTimeOffset now)
    {
        _decisions.Add(MerchantDecision.Create(kind, by, reason, now));
        ReviewedAt = now;
        ReviewedBy = by;
        Version++;
    }

    private Error NotAllowed(string verb) =>
        new(ErrorCode.InvalidStateTransition, $"This merchant cannot be {verb} while it is {Status}.");

    private static Error? Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength
            ? Error.Invalid($"A reason of 1 to {MaxReasonLength} characters is required.", "reason")
            : null;
}
