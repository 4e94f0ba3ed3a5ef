using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Records;

/// <summary>What a record is about.</summary>
public enum RecordKind
{
    Redemption,
    Reversal,
    Recharge,
    Issuance,
}

/// <summary>The card or coupon a record concerns, if any.</summary>
public enum RecordItemKind
{
    TimesCard,
    MembershipCard,
    Coupon,
}

/// <summary>
/// One line of a customer's or a merchant's history, with its breakdown and the stored value it left.
/// The id is the event-log position: unique, in commit order, and the paging cursor. Amounts are minor
/// units of <see cref="Currency"/>; changes are signed (a payment takes, a recharge or reversal gives).
/// </summary>
public sealed record RecordEntry(
    long Position,
    RecordKind Kind,
    Guid MerchantId,
    string MerchantName,
    Guid CustomerId,
    string CustomerPhoneMasked,
    string Currency,
    DateTimeOffset OccurredAt)
{
    /// <summary>Payments and reversals: how the customer paid.</summary>
    public RedemptionMode? Mode { get; init; }

    public RedemptionChannel? Channel { get; init; }

    /// <summary>The headline amount: the bill, what a recharge or an issued item cost, or the stored value given back.</summary>
    public long Amount { get; init; }

    public long MembershipDiscount { get; init; }

    public long CouponDiscount { get; init; }

    /// <summary>Paid at the till outside the platform.</summary>
    public long PaidOutside { get; init; }

    public long PrincipalChange { get; init; }

    public long BonusChange { get; init; }

    public long PrincipalAfter { get; init; }

    public long BonusAfter { get; init; }

    /// <summary>Times cards: uses taken (negative), given back or granted (positive).</summary>
    public int? UsesChange { get; init; }

    public int? UsesLeft { get; init; }

    public RecordItemKind? ItemKind { get; init; }

    /// <summary>The card or coupon used, given back or issued.</summary>
    public Guid? ItemId { get; init; }

    public string? ItemName { get; init; }

    /// <summary>Reversals: whether the coupon became usable again.</summary>
    public bool CouponRestored { get; init; }

    public string? Reason { get; init; }

    /// <summary>Payments and reversals: the payment.</summary>
    public Guid? RedemptionId { get; init; }

    public long StoredValueChange => PrincipalChange + BonusChange;

    public long StoredValueAfter => PrincipalAfter + BonusAfter;
}
