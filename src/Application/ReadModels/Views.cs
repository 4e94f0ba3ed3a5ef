namespace CodeScan.Application.ReadModels;

/// <summary>A customer's stored value at one merchant. <see cref="Position"/> is the last event applied.</summary>
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
}

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
    DateTimeOffset OccurredAt);

public enum AlertKind
{
    StoredValueRedeemed,
    StoredValueRecharged,
}

/// <summary>What projections need to know about a merchant (its locale for spoken alerts, its currency).</summary>
public sealed record MerchantView(
    Guid MerchantId,
    Guid OwnerId,
    string Name,
    string Locale,
    string Currency,
    string Status,
    string? MerchantCode,
    long Position);

/// <summary>Told to the applicant the moment a platform admin decides on their merchant.</summary>
public sealed record MerchantReviewNotice(Guid MerchantId, string Status, string? Reason, DateTimeOffset DecidedAt);
