using CodeScan.Domain.Catalog;
using CodeScan.Domain.Instruments;

namespace CodeScan.Application.ReadModels;

/// <summary>
/// A customer's holdings at one merchant: stored value, cards and coupons. <see cref="Position"/> is the
/// last event applied.
/// </summary>
public sealed record WalletView(
    Guid MerchantId,
    Guid CustomerId,
    string Currency,
    long Principal,
    long Bonus,
    long Position,
    DateTimeOffset AsOf)
{
    public long Balance => Principal + Bonus;

    public IReadOnlyList<CardHolding> Cards { get; init; } = [];

    public IReadOnlyList<CouponHolding> Coupons { get; init; } = [];

    public bool Equals(WalletView? other) =>
        other is not null
        && (MerchantId, CustomerId, Currency, Principal, Bonus, Position, AsOf) == (other.MerchantId, other.CustomerId, other.Currency, other.Principal, other.Bonus, other.Position, other.AsOf)
        && Cards.SequenceEqual(other.Cards)
        && Coupons.SequenceEqual(other.Coupons);

    public override int GetHashCode() => HashCode.Combine(MerchantId, CustomerId, Position);

    public static WalletView Empty(Guid merchantId, Guid customerId, string currency) =>
        new(merchantId, customerId, currency, 0, 0, 0, DateTimeOffset.MinValue);
}

/// <summary>A card in a customer's wallet, with the terms it was issued with.</summary>
public sealed record CardHolding(
    Guid CardId,
    Guid ProductId,
    CardKind Kind,
    string Name,
    int? UsesGranted,
    int? UsesLeft,
    int? PayRateBasisPoints,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    DateTimeOffset IssuedAt);

/// <summary>A coupon in a customer's wallet, with the terms it was issued with.</summary>
public sealed record CouponHolding(
    Guid CouponId,
    Guid TemplateId,
    string Name,
    CouponTerms Terms,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    CouponStatus Status,
    DateTimeOffset IssuedAt);

/// <summary>What the merchant's till announces. The id is the event-log position, so replays sort and dedupe.</summary>
public sealed record MerchantAlertView(
    long Position,
    Guid MerchantId,
    AlertKind Kind,
    long Amount,
    long Bonus,
    string Currency,
    string CustomerPhoneMasked,
    long BalanceAfter,
    string Locale,
    DateTimeOffset OccurredAt)
{
    /// <summary>The card or coupon issued, used or given back.</summary>
    public string? ItemName { get; init; }

    /// <summary>Redemptions: the bill before discounts.</summary>
    public long Bill { get; init; }

    /// <summary>Redemptions: membership and coupon discounts together.</summary>
    public long Discount { get; init; }

    /// <summary>Redemptions: what the till still has to collect outside the platform; reversals: what it hands back.</summary>
    public long PaidOutside { get; init; }

    /// <summary>Times-card redemptions and reversals: uses taken or given back, and uses left after.</summary>
    public int Uses { get; init; }

    public int? UsesLeft { get; init; }

    /// <summary>Redemptions and reversals: the payment, so staff can reverse it from the alert.</summary>
    public Guid? RedemptionId { get; init; }

    /// <summary>Gift coupons: the item to hand over.</summary>
    public string? Gift { get; init; }

    /// <summary>Reversals: the coupon is usable again.</summary>
    public bool CouponRestored { get; init; }

    /// <summary>Reversals: how the payment given back was paid (a redemption's mode follows from its kind).</summary>
    public Domain.Redemptions.RedemptionMode? ReversedMode { get; init; }
}

public enum AlertKind
{
    StoredValueRedeemed,
    StoredValueRecharged,
    TimesCardIssued,
    MembershipCardIssued,
    CouponIssued,
    TimesCardRedeemed,
    CouponRedeemed,
    RedemptionReversed,
}

/// <summary>What projections need to know about a merchant (its locale for spoken alerts, its currency, its time zone).</summary>
public sealed record MerchantView(
    Guid MerchantId,
    Guid OwnerId,
    string Name,
    string Locale,
    string Currency,
    string Status,
    string? MerchantCode,
    long Position)
{
    /// <summary>The IANA zone its days are counted in (a view stored before zones existed reads as the default).</summary>
    public string TimeZone { get; init; } = Domain.Merchants.MerchantTimeZone.Default;
}

/// <summary>Told to the applicant the moment a platform admin decides on their merchant.</summary>
public sealed record MerchantReviewNotice(Guid MerchantId, string Status, string? Reason, DateTimeOffset DecidedAt);
