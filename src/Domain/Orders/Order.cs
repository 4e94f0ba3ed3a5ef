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

    /// <summary>A valid payment arrived after the pay-by time and its grace: nothing was issued, the money goes back.</summary>
    RefundDue,
}

/// <summary>
/// A purchase waiting for, or settled by, a payment. Only a paid order issues what was bought. The moment of
/// payment is when our service received the provider's valid notification, never the time the provider's body
/// claims (that is recorded as <see cref="ProviderPaidAt"/>, not trusted). A notification received after
/// <see cref="PayBy"/> still pays within the late-payment grace (a provider's delivery can lag the customer's
/// payment); an order not paid by then expires, and a payment received later makes it <see cref="OrderStatus.RefundDue"/>.
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

    /// <summary>The payment provider's reference for the settled payment (or the late one to refund).</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>When the provider says the customer paid: recorded for reconciliation, never used to decide.</summary>
    public DateTimeOffset? ProviderPaidAt { get; private set; }

    public int Version { get; private set; }

    public static Order Place(MerchantId merchantId, UserId customerId, OrderItemKind kind, Guid itemId, long amountDue, string currency, DateTimeOffset now, TimeSpan timeToPay)
    {
        var order = new Order
        {
            Id = NewId.Next(),
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
    /// Settles the order with a payment notification received at <paramref name="receivedAt"/>. A second
    /// notification for a paid order is harmless (false: nothing to do); a wrong amount or currency is refused.
    /// A payment received after <see cref="PayBy"/> + <paramref name="lateGrace"/>, or for an expired order, pays
    /// nothing: the order becomes <see cref="OrderStatus.RefundDue"/> (false) and the money goes back.
    /// </summary>
    public Result<bool> MarkPaid(long amount, string currency, string paymentReference, DateTimeOffset receivedAt, DateTimeOffset? providerPaidAt, TimeSpan lateGrace)
    {
        if (Status is OrderStatus.Paid or OrderStatus.RefundDue)
        {
            return false;
        }

        if (amount != AmountDue || currency != Currency)
        {
            return new Error(ErrorCode.InvalidInput, $"The payment ({amount} {currency}) does not match the order ({AmountDue} {Currency}).", "amount");
        }

        ProviderPaidAt = providerPaidAt;
        PaymentReference = paymentReference;
        Version++;
        if (Status == OrderStatus.Expired || receivedAt > ClosesAt(lateGrace))
        {
            Status = OrderStatus.RefundDue;
            Record(new OrderRefundDue(Id, MerchantId, CustomerId, AmountDue, Currency, paymentReference, providerPaidAt, receivedAt));
            return false;
        }

        Status = OrderStatus.Paid;
        PaidAt = receivedAt;
        Record(new OrderPaid(Id, MerchantId, CustomerId, AmountDue, Currency, paymentReference, receivedAt, providerPaidAt));
        return true;
    }

    /// <summary>The last moment a payment notification is honoured: the pay-by time and the late-payment grace.</summary>
    public DateTimeOffset ClosesAt(TimeSpan lateGrace) => PayBy + (lateGrace > TimeSpan.Zero ? lateGrace : TimeSpan.Zero);

    /// <summary>Expires an unpaid order once no payment can be honoured any more (after the late-payment grace).</summary>
    public bool Expire(DateTimeOffset now, TimeSpan lateGrace)
    {
        if (Status != OrderStatus.AwaitingPayment || now <= ClosesAt(lateGrace))
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

/// <summary>OccurredAt is when our service received the notification; ProviderPaidAt what the provider claimed.</summary>
public sealed record OrderPaid(Guid OrderId, MerchantId MerchantId, UserId CustomerId, long Amount, string Currency, string PaymentReference, DateTimeOffset OccurredAt, DateTimeOffset? ProviderPaidAt = null) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}

/// <summary>A valid payment received too late: nothing was issued and the payment must be refunded.</summary>
public sealed record OrderRefundDue(Guid OrderId, MerchantId MerchantId, UserId CustomerId, long Amount, string Currency, string PaymentReference, DateTimeOffset? ProviderPaidAt, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}

public sealed record OrderExpired(Guid OrderId, MerchantId MerchantId, UserId CustomerId, DateTimeOffset OccurredAt) : IDomainEvent
{
    public string StreamId => OrderId.ToString();
}
