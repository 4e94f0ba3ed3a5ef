namespace CodeScan.Domain.Common;

/// <summary>
/// Expected business failures. Each becomes a <c>UserErrorCode</c> in a mutation payload; none is an exception.
/// </summary>
public enum ErrorCode
{
    InvalidInput,
    NotFound,
    MerchantNotApproved,
    InvalidStateTransition,
    InsufficientBalance,
    CurrencyMismatch,
    AmountOutOfRange,
    IdempotencyKeyReused,
    SignInCodeInvalid,
    RateLimited,
    RefreshTokenInvalid,
    QrCodeMalformed,
    QrCodeSignatureInvalid,
    QrCodeOutdated,
    MerchantSuspended,
    SoldOut,
    CustomerLimitReached,
    ItemNotOnSale,
    PaymentRequired,
    NotYetValid,
    CardExpired,
    UsesExhausted,
    CouponExpired,
    CouponAlreadyUsed,
    CouponThresholdNotMet,
    ReversalWindowClosed,
    ReversalExceedsRemaining,
    WriteOffCodeInvalid,
    WriteOffCodeExpired,
    WriteOffCodeUsed,
    WriteOffCodeWrongMerchant,
}
