using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly TimeSpan TimeToPay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    [Fact]
    public void MarkPaid_WhenAmountAndCurrencyMatchInTime_PaysOnceAndRecordsIt()
    {
        var order = Place();

        Assert.True(order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now.AddMinutes(1), null, Grace).AssertSuccess());

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("ref-1", order.PaymentReference);
        Assert.Equal(TestClock.Now.AddMinutes(1), order.PaidAt);
        Assert.IsType<OrderPaid>(order.DomainEvents[^1]);
    }

    [Fact]
    public void MarkPaid_WhenAlreadyPaid_ReturnsFalseAndRecordsNothingMore()
    {
        var order = Place();
        order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now, null, Grace).AssertSuccess();
        var events = order.DomainEvents.Count;

        Assert.False(order.MarkPaid(3_000, "CNY", "ref-2", TestClock.Now.AddMinutes(1), null, Grace).AssertSuccess());

        Assert.Equal("ref-1", order.PaymentReference);
        Assert.Equal(events, order.DomainEvents.Count);
    }

    [Theory]
    [InlineData(2_999, "CNY")]
    [InlineData(3_000, "USD")]
    public void MarkPaid_WhenAmountOrCurrencyDiffer_IsRefusedAndTheOrderStaysOpen(long amount, string currency)
    {
        var order = Place();

        order.MarkPaid(amount, currency, "ref-1", TestClock.Now, null, Grace).AssertFailure(ErrorCode.InvalidInput, "amount");

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
    }

    [Fact]
    public void MarkPaid_WhenTheOrderExpired_MakesItRefundDue()
    {
        var order = Place();
        Assert.True(order.Expire(TestClock.Now + TimeToPay + Grace + TimeSpan.FromSeconds(1), Grace));

        Assert.False(order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now + TimeToPay + Grace + TimeSpan.FromSeconds(2), null, Grace).AssertSuccess());

        Assert.Equal(OrderStatus.RefundDue, order.Status);
        Assert.Null(order.PaidAt);
        Assert.IsType<OrderRefundDue>(order.DomainEvents[^1]);
    }

    [Fact]
    public void Expire_BeforePayByOrOnceSettled_DoesNothing()
    {
        var order = Place();
        Assert.False(order.Expire(TestClock.Now + TimeToPay, Grace));
        Assert.False(order.Expire(TestClock.Now + TimeToPay + Grace, Grace));

        order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now, null, Grace).AssertSuccess();

        Assert.False(order.Expire(TestClock.Now + TimeToPay + TimeSpan.FromHours(1), Grace));
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void MarkPaid_IsTimedByItsReceiptNotByTheProvidersClaim()
    {
        var order = Place();
        var receivedAt = TestClock.Now.AddMinutes(2);
        var claimed = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(order.MarkPaid(3_000, "CNY", "ref-1", receivedAt, claimed, Grace).AssertSuccess());

        Assert.Equal(receivedAt, order.PaidAt);
        Assert.Equal(claimed, order.ProviderPaidAt);
        var paid = Assert.IsType<OrderPaid>(order.DomainEvents[^1]);
        Assert.Equal((receivedAt, claimed), (paid.OccurredAt, paid.ProviderPaidAt));
    }

    [Fact]
    public void MarkPaid_AfterPayByWithinTheGrace_Pays()
    {
        var order = Place();

        Assert.True(order.MarkPaid(3_000, "CNY", "ref-1", order.PayBy + Grace, TestClock.Now, Grace).AssertSuccess());

        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    [Fact]
    public void MarkPaid_AfterTheGrace_MakesItRefundDueOnceAndPaysNothing()
    {
        var order = Place();

        Assert.False(order.MarkPaid(3_000, "CNY", "ref-1", order.PayBy + Grace + TimeSpan.FromTicks(1), order.PayBy, Grace).AssertSuccess());
        var events = order.DomainEvents.Count;
        Assert.False(order.MarkPaid(3_000, "CNY", "ref-1", order.PayBy + Grace + TimeSpan.FromMinutes(1), order.PayBy, Grace).AssertSuccess());

        Assert.Equal(OrderStatus.RefundDue, order.Status);
        Assert.Equal(("ref-1", order.PayBy), (order.PaymentReference, order.ProviderPaidAt));
        Assert.Null(order.PaidAt);
        Assert.Equal(events, order.DomainEvents.Count);
        Assert.False(order.Expire(order.PayBy + TimeSpan.FromHours(1), Grace));
    }

    private static Order Place() =>
        Order.Place(MerchantId.New(), UserId.New(), OrderItemKind.CardProduct, Guid.NewGuid(), 3_000, "CNY", TestClock.Now, TimeToPay);
}
