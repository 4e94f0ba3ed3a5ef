using CodeScan.Domain.Common;

namespace CodeScan.Domain.Orders;

public enum OrderItemKind
{
    CardProduct,
    CouponTemplate,
    RechargePlan,
}

public enum OrderStatus
{
    AwaitingPayment,
    Paid,
    Expired,
}

/// <summary>
/// A purchase waiting for, or settled by, a payment. Only a paid order issues what was bought; an order
/// not paid in time expires, and a payment that arrives for it later is refused.
/// </summary>
public sealed class Order : AggregateRoot
{
    public static readonly TimeSpan DefaultTimeToPay = TimeSpan.FromMinutes(15);

    private Order()
    {
        Currency = null!;
    }

    public Guid Id { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId CustomerId { get; private set; }

    public OrderItemKind ItemKind { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>What is due, in minor units (for a recharge, the amount recharged).</summary>
    public long AmountDue { get; private set; }

    public string Currency { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset PayBy { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The payment provider's reference for the settled payment.</summary>
    public string? PaymentReference { get; private set; }

    public int Version { get; private set; }

    public static Order Place(MerchantId merchantId, UserId customerId, OrderItemKind kind, Guid itemId, long amountDue, string currency, DateTimeOffset now, TimeSpan timeToPay)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            MerchantId = merchantId,
            CustomerId = customerId,
            ItemKind = kind,
            ItemId = itemId,
            AmountDue = amountDue,
            Currency = currency,
            Status = OrderStatus.AwaitingPayment,
            CreatedAt = now,
            PayBy = now + timeToPay,
        };
        order.Record(new OrderPlaced(order.Id, merchantId, customerId, kind, itemId, amountDue, currency, order.PayBy, now));
        return order;
    }

    /// <summary>
    /// Settles the order with a payment notification. A second notification for a paid order is harmless
    /// (false: nothing to do); a wrong amount or currency, or a payment after expiry, is refused.
    /// </summary>
    public Result<bool> MarkPaid(long amount, string currency, string paymentReference, DateTimeOffset now)
    {
        if (Status == OrderStatus.Paid)
        {
            return false;
        }

        if (amount != AmountDue || currency != Currency)
        {
            return new Error(ErrorCode.InvalidInput, $"The payment ({amount} {currency}) does not match the order ({AmountDue} {Currency}).", "amount");
        }

        if (Status == OrderStatus.Expired || now > PayBy)
        {
            return new Error(ErrorCode.InvalidStateTransition, "The order expired before it was paid.");
        }

        Status = OrderStatus.Paid;
        PaidAt = now;
        PaymentReference = paymentReference;
        Version++;
        Record(new OrderPaid(Id, MerchantId, CustomerId, AmountDue, Currency, paymentReference, now));
        return true;
    }

    public bool Expire(DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingPayment || now <= PayBy)
        {
            return false;
        }

        Status = OrderStatus.Expired;
        Version++;
        Record(new OrderExpired(Id, MerchantId, CustomerId, now));
        return true;
    }
}

public sealed record OrderPlaced(Guid OrderId, MerchantId MerchantId, UserId CustomerId, OrderItemKind ItemKind, Guid ItemId, long AmountDue, string Currency, DateTimeOffset PayBy, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}

public sealed record OrderPaid(Guid OrderId, MerchantId MerchantId, UserId CustomerId, long Amount, string Currency, string PaymentReference, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}

public sealed record OrderExpired(Guid OrderId, MerchantId MerchantId, UserId CustomerId, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}
