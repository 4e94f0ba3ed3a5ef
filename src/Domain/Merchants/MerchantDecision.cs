using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

public enum MerchantDecisionKind
{
    Approved,
    Rejected,
    Resubmitted,
    Suspended,
    Reinstated,
}

/// <summary>One review decision on a merchant: what, by whom, when and why.</summary>
public sealed class MerchantDecision
{
    private MerchantDecision()
    {
    }

    public Guid Id { get; private set; }

    public MerchantDecisionKind Kind { get; private set; }

    public UserId DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    internal static MerchantDecision Create(MerchantDecisionKind kind, UserId by, string? reason, DateTimeOffset now) => new()
    {
        Id = NewId.Next(),
        Kind = kind,
        DecidedBy = by,
        DecidedAt = now,
        Reason = reason,
    };
}
