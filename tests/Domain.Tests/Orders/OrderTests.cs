using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;
using CodeScan.Domain.Tests.Support;

namespace CodeScan.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly TimeSpan TimeToPay = TimeSpan.FromMinutes(15);

    [Fact]
    public void MarkPaid_WhenAmountAndCurrencyMatchInTime_PaysOnceAndRecordsIt()
    {
        var order = Place();

        Assert.True(order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now.AddMinutes(1)).AssertSuccess());

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("ref-1", order.PaymentReference);
        Assert.Equal(TestClock.Now.AddMinutes(1), order.PaidAt);
        Assert.IsType<OrderPaid>(order.DomainEvents[^1]);
    }

    [Fact]
    public void MarkPaid_WhenAlreadyPaid_ReturnsFalseAndRecordsNothingMore()
    {
        var order = Place();
        order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now).AssertSuccess();
        var events = order.DomainEvents.Count;

        Assert.False(order.MarkPaid(3_000, "CNY", "ref-2", TestClock.Now.AddMinutes(1)).AssertSuccess());

        Assert.Equal("ref-1", order.PaymentReference);
        Assert.Equal(events, order.DomainEvents.Count);
    }

    [Theory]
    [InlineData(2_999, "CNY")]
    [InlineData(3_000, "USD")]
    public void MarkPaid_WhenAmountOrCurrencyDiffer_IsRefusedAndTheOrderStaysOpen(long amount, string currency)
    {
        var order = Place();

        order.MarkPaid(amount, currency, "ref-1", TestClock.Now).AssertFailure(ErrorCode.InvalidInput, "amount");

        Assert.Equal(OrderStatus.AwaitingPayment, order.Status);
    }

    [Fact]
    public void MarkPaid_WhenTheOrderExpired_IsRefused()
    {
        var order = Place();
        Assert.True(order.Expire(TestClock.Now + TimeToPay + TimeSpan.FromSeconds(1)));

        order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now + TimeToPay + TimeSpan.FromSeconds(2)).AssertFailure(ErrorCode.InvalidStateTransition, null);

        Assert.Equal(OrderStatus.Expired, order.Status);
    }

    [Fact]
    public void Expire_BeforePayByOrOnceSettled_DoesNothing()
    {
        var order = Place();
        Assert.False(order.Expire(TestClock.Now + TimeToPay));

        order.MarkPaid(3_000, "CNY", "ref-1", TestClock.Now).AssertSuccess();

        Assert.False(order.Expire(TestClock.Now + TimeToPay + TimeSpan.FromHours(1)));
        Assert.Equal(OrderStatus.Paid, order.Status);
    }

    private static Order Place() =>
        Order.Place(MerchantId.New(), UserId.New(), OrderItemKind.CardProduct, Guid.NewGuid(), 3_000, "CNY", TestClock.Now, TimeToPay);
}
