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

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    public static Coupon Issue(CouponTemplate template, UserId customerId, IssueSource source, Guid? orderId, UserId? issuedBy, DateTimeOffset now, string customerPhoneMasked = "", long amountPaid = 0)
    {
        var (from, until) = template.Validity.For(now);
        var coupon = new Coupon
        {
            Id = Guid.CreateVersion7(),
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
