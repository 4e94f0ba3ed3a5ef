using CodeScan.Domain.Common;

namespace CodeScan.Domain.Redemptions;

/// <summary>What a write-off code lets a cashier redeem.</summary>
public enum WriteOffTarget
{
    Coupon,
    TimesCard,
}

/// <summary>
/// A short-lived, single-use code the customer's app shows for one coupon or times card; a cashier scans
/// or types it to redeem that instrument for the customer (核销). Only a keyed hash of the code is stored.
/// </summary>
public sealed class WriteOffCode : AggregateRoot
{
    /// <summary>Digits in a code: short enough to type, 10^12 values against guessing.</summary>
    public const int Digits = 12;

    private WriteOffCode()
    {
        CodeHash = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>HMAC of the code; the code itself is only ever shown to the customer.</summary>
    public string CodeHash { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public WriteOffTarget Target { get; private set; }

    public Guid InstrumentId { get; private set; }

    /// <summary>Times cards: the uses the customer agreed to when asking for the code (1 for a coupon).</summary>
    public int Uses { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? RedemptionId { get; private set; }

    public static WriteOffCode Create(string codeHash, MerchantId merchantId, UserId customerId, WriteOffTarget target, Guid instrumentId, int uses, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Uses = uses,
        Id = NewId.Next(),
        CodeHash = codeHash,
        MerchantId = merchantId,
        CustomerId = customerId,
        Target = target,
        InstrumentId = instrumentId,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    /// <summary>Why a cashier of <paramref name="merchantId"/> cannot use the code now, or null when they can.</summary>
    public Error? CannotBeUsedBy(MerchantId merchantId, DateTimeOffset now)
    {
        if (merchantId != MerchantId)
        {
            return new Error(ErrorCode.WriteOffCodeWrongMerchant, "This code belongs to another merchant.", "code");
        }

        if (UsedAt is not null)
        {
            return new Error(ErrorCode.WriteOffCodeUsed, "This code has already been used; ask the customer to show a new one.", "code");
        }

        return now >= ExpiresAt ? new Error(ErrorCode.WriteOffCodeExpired, "This code has expired; ask the customer to show a new one.", "code") : null;
    }

    /// <summary>Ends an unused code early, when the customer asks for a new one for the same instrument.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (UsedAt is null && ExpiresAt > now)
        {
            ExpiresAt = now;
        }
    }

    public void MarkUsed(Guid redemptionId, DateTimeOffset now)
    {
        UsedAt = now;
        RedemptionId = redemptionId;
    }
}
