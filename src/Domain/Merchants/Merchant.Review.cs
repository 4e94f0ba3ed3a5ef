using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>The review: approval or rejection, the applicant's resubmission, suspension and reinstatement; each decision is kept.</summary>
public sealed partial class Merchant
{
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
