using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Orders;
using CodeScan.Infrastructure.Payments;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Orders;

/// <summary>
/// DESIGN §8: a provider's timestamp is recorded, never trusted. A payment is timed by when the service received
/// its valid notification; one received after the pay-by time pays within Payments:LatePaymentGrace and past it
/// makes the order REFUND_DUE (409, settlement RefundRequired). Time moves by FakeTimeProvider, never by waiting.
/// </summary>
public sealed class PaymentTimeTests
{
    private static readonly DateTimeOffset Y2K = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Webhook_WithAnAncientBodyTimestamp_PaysAtReceiptAndRecordsTheClaim()
    {
        var (host, clock, orderId) = await StartWithAnOrderAsync();
        await using var _ = host;
        clock.Advance(TimeSpan.FromMinutes(2));

        // A stale signature is still refused: the body's time is not the signature's.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host, orderId, Y2K, signedAt: clock.GetUtcNow().AddHours(-1))).Status);
        var (status, body) = await PostAsync(host, orderId, Y2K, signedAt: clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Paid", body["settlement"]!.GetValue<string>());
        var order = await OrderAsync(host, orderId);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(clock.GetUtcNow(), order.PaidAt);
        Assert.True(order.PaidAt > order.CreatedAt);
        Assert.Equal(Y2K, order.ProviderPaidAt);
    }

    [Fact]
    public async Task Webhook_ReceivedAfterPayByWithinTheGrace_PaysTheOrder()
    {
        var (host, clock, orderId) = await StartWithAnOrderAsync();
        await using var _ = host;
        var payBy = (await OrderAsync(host, orderId)).PayBy;
        clock.Advance(payBy - clock.GetUtcNow() + TimeSpan.FromMinutes(4));

        var (status, body) = await PostAsync(host, orderId, payBy.AddMinutes(-1), signedAt: clock.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Paid", body["settlement"]!.GetValue<string>());
        var order = await OrderAsync(host, orderId);
        Assert.Equal((OrderStatus.Paid, clock.GetUtcNow()), (order.Status, order.PaidAt));
        Assert.Equal((1, 0, 0, 1), await host.CountsAsync());
    }

    [Fact]
    public async Task Webhook_ReceivedAfterTheGrace_IssuesNothingAndMarksTheOrderForARefund()
    {
        var (host, clock, orderId) = await StartWithAnOrderAsync();
        await using var _ = host;
        var payBy = (await OrderAsync(host, orderId)).PayBy;
        clock.Advance(payBy - clock.GetUtcNow() + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        // The provider claims the customer paid in time; it is the receipt that counts.
        var (status, body) = await PostAsync(host, orderId, payBy.AddMinutes(-1), signedAt: clock.GetUtcNow());
        var (again, _) = await PostAsync(host, orderId, payBy.AddMinutes(-1), signedAt: clock.GetUtcNow());

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (status, again));
        Assert.Equal("RefundRequired", body["settlement"]!.GetValue<string>());
        var order = await OrderAsync(host, orderId);
        Assert.Equal(OrderStatus.RefundDue, order.Status);
        Assert.Null(order.PaidAt);
        Assert.Equal(payBy.AddMinutes(-1), order.ProviderPaidAt);
        Assert.Equal((0, 0, 0, 1), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    private static async Task<(CodeScanHost Host, FakeTimeProvider Clock, Guid OrderId)> StartWithAnOrderAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await CodeScanHost.StartAsync(StoreMode.Embedded, clock, s =>
        {
            OrderCalls.Settings()(s);
            s["Payments:LatePaymentGrace"] = "00:05:00";
        });
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var card = (await merchant.TimesCardAsync(price: 30_000)).Id("cardProduct");
        host.Provider().Behaviour = SimulatedPaymentBehaviour.DoNotPay;
        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        return (host, clock, OrderCalls.OrderGuid(order));
    }

    private static async Task<Order> OrderAsync(CodeScanHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CodeScanDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    /// <summary>A correctly signed "paid" notification whose body says <paramref name="claimedAt"/>.</summary>
    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(CodeScanHost host, Guid orderId, DateTimeOffset claimedAt, DateTimeOffset signedAt)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new PaymentNotification(orderId, "test_" + Guid.NewGuid().ToString("N"), 30_000, "CNY", "paid", claimedAt), PaymentNotification.Json);
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/webhook")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(PaymentWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(PaymentWebhookSignature.SignatureHeader, PaymentWebhookSignature.Sign(PaymentOptions.DevelopmentWebhookSecret, timestamp, body));
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject ?? []);
    }
}
