using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Instruments;

public enum CouponStatus
{
    Available,
    Used,
}

/// <summary>A coupon a customer holds, with the terms copied from its template when it was issued.</summary>
public sealed class Coupon : AggregateRoot
{
    private Coupon()
    {
        Name = null!;
        Terms = null!;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public Guid TemplateId { get; private set; }

    public string Name { get; private set; }

    public CouponTerms Terms { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public CouponStatus Status { get; private set; }

    public IssueSource Source { get; private set; }

    public Guid? OrderId { get; private set; }

    public UserId? IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>What the customer paid for the coupon (0 for a free one); recognised as sales when it is used.</summary>
    public long AmountPaid { get; private set; }

    /// <summary>The redemption that used it, while it is used.</summary>
    public Guid? UsedBy { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Whether the coupon could be used now (its threshold aside).</summary>
    public bool IsUsableAt(DateTimeOffset now) => CannotBeUsedAt(now) is null;

    /// <summary>Why the coupon cannot be used now, or null when it can (its threshold aside).</summary>
    public Error? CannotBeUsedAt(DateTimeOffset now)
    {
        if (Status == CouponStatus.Used)
        {
            return new Error(ErrorCode.CouponAlreadyUsed, $"The coupon \"{Name}\" has already been used.", "couponId");
        }

        if (now < ValidFrom)
        {
            return new Error(ErrorCode.NotYetValid, $"The coupon \"{Name}\" is valid from {ValidFrom:yyyy-MM-dd HH:mm} UTC.", "couponId");
        }

        return IsExpiredAt(now) ? new Error(ErrorCode.CouponExpired, $"The coupon \"{Name}\" expired at {ExpiresAt:yyyy-MM-dd HH:mm} UTC.", "couponId") : null;
    }

    /// <summary>
    /// Uses the coupon for a redemption. Returns its price, which turns from deferred revenue into sales.
    /// Only ever called while the coupon's row is locked, so two payments cannot both use it.
    /// </summary>
    public Result<long> Use(Guid redemptionId, DateTimeOffset now)
    {
        if (CannotBeUsedAt(now) is { } error)
        {
            return error;
        }

        Status = CouponStatus.Used;
        UsedBy = redemptionId;
        UsedAt = now;
        return AmountPaid;
    }

    /// <summary>
    /// Makes the coupon usable again when the redemption that used it is reversed, if it is still valid.
    /// Returns whether it was restored; an expired coupon stays used (its price stays recognised).
    /// </summary>
    public bool TryRestore(Guid redemptionId, DateTimeOffset now)
    {
        if (Status != CouponStatus.Used || UsedBy != redemptionId || IsExpiredAt(now))
        {
            return false;
        }

        Status = CouponStatus.Available;
        UsedBy = null;
        UsedAt = null;
        return true;
    }

    public static Coupon Issue(CouponTemplate template, UserId customerId, IssueSource source, Guid? orderId, UserId? issuedBy, DateTimeOffset now, string customerPhoneMasked = "", long amountPaid = 0)
    {
        var (from, until) = template.Validity.For(now);
        var coupon = new Coupon
        {
            Id = NewId.Next(),
            MerchantId = template.MerchantId,
            CustomerId = customerId,
            TemplateId = template.Id,
            Name = template.Name,
            Terms = template.Terms,
            ValidFrom = from,
            ExpiresAt = until,
            Status = CouponStatus.Available,
            Source = source,
            OrderId = orderId,
            IssuedBy = issuedBy,
            IssuedAt = now,
            AmountPaid = amountPaid,
        };
        coupon.Record(new CouponIssued(coupon.Id, coupon.MerchantId, customerId, template.Id, coupon.Name, coupon.Terms, from, until, source, orderId, issuedBy, now, customerPhoneMasked, amountPaid, template.Currency));
        return coupon;
    }
}

public sealed record CouponIssued(
    Guid CouponId,
    MerchantId MerchantId,
    UserId CustomerId,
    Guid TemplateId,
    string Name,
    CouponTerms Terms,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    IssueSource Source,
    Guid? OrderId,
    UserId? IssuedBy,
    DateTimeOffset OccurredAt,
    string CustomerPhoneMasked = "",
    long AmountPaid = 0,
    string Currency = Currencies.Default) : IDomainEvent
{
    public string StreamId => CouponId.ToString();
}
