using System.Net;
using System.Text;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Payments;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Orders;

/// <summary>
/// The provider's webhook over real HTTP: only a correctly signed notification for the exact amount and
/// currency of an open order issues, exactly once, whatever the provider repeats or reorders.
/// </summary>
public abstract class PaymentWebhookTests(StoreMode mode)
{
    [Fact]
    public async Task Webhook_WhenTheSameNotificationArrivesThreeTimes_IssuesOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var (merchant, customer, card) = await SetUpAsync(host);
        host.Provider().Behaviour = SimulatedPaymentBehaviour.PayThreeTimes;

        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        var deliveries = await host.WaitForDeliveriesAsync(OrderCalls.OrderGuid(order), 3);

        Assert.All(deliveries, d => Assert.Equal(200, d.HttpStatus));
        await host.WaitForOrderAsync(customer, order, "PAID");
        Assert.Equal((1, 0, 0, 1), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Webhook_WhenAPendingArrivesAfterPaid_TheOrderStaysPaid()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var (merchant, customer, card) = await SetUpAsync(host);
        host.Provider().Behaviour = SimulatedPaymentBehaviour.PayThenPending;

        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        var deliveries = await host.WaitForDeliveriesAsync(OrderCalls.OrderGuid(order), 2);

        Assert.Equal(["paid", "pending"], deliveries.Select(d => d.Status));
        Assert.All(deliveries, d => Assert.Equal(200, d.HttpStatus));
        Assert.Equal("PAID", (await host.OrderAsync(customer, order))!["status"]!.GetValue<string>());
        Assert.Equal((1, 0, 0, 1), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Theory]
    [InlineData(SimulatedPaymentBehaviour.PayWrongAmount)]
    [InlineData(SimulatedPaymentBehaviour.PayWrongCurrency)]
    public async Task Webhook_WhenAmountOrCurrencyDiffer_RefusesLogsForTheOperatorAndIssuesNothing(SimulatedPaymentBehaviour behaviour)
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var (merchant, customer, card) = await SetUpAsync(host);
        host.Provider().Behaviour = behaviour;
        var logs = host.CaptureLogs();

        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        var delivery = Assert.Single(await host.WaitForDeliveriesAsync(OrderCalls.OrderGuid(order), 1));

        Assert.Equal(422, delivery.HttpStatus);
        Assert.Equal("AWAITING_PAYMENT", (await host.OrderAsync(customer, order))!["status"]!.GetValue<string>());
        Assert.Equal((0, 0, 0, 1), await host.CountsAsync());
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("does not match", StringComparison.Ordinal) && e.Message.Contains("refunded", StringComparison.Ordinal));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Webhook_WhenTheSignatureIsWrong_Returns401AndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var (merchant, customer, card) = await SetUpAsync(host);
        host.Provider().Behaviour = SimulatedPaymentBehaviour.DoNotPay;
        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        var body = OrderCalls.Notification(OrderCalls.OrderGuid(order), 30_000);
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostWebhookAsync(body, secret: "someone-else-entirely-0123456789-abcdefgh"));
        Assert.Equal(HttpStatusCode.Unauthorized, await host.PostWebhookAsync(body, signedAt: DateTimeOffset.UtcNow.AddHours(-1)));
        using (var unsigned = new StringContent(Encoding.UTF8.GetString(body), Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.PostAsync("/payments/webhook", unsigned)).StatusCode);
        }

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        Assert.Equal("AWAITING_PAYMENT", (await host.OrderAsync(customer, order))!["status"]!.GetValue<string>());

        // The same body, correctly signed, settles it: the refusals above were about the signature alone.
        Assert.Equal(HttpStatusCode.OK, await host.PostWebhookAsync(body));
        Assert.Equal("PAID", (await host.OrderAsync(customer, order))!["status"]!.GetValue<string>());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Webhook_ForAnUnknownOrderOrWithAMalformedOrHugeBody_IsRefused()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(HttpStatusCode.NotFound, await host.PostWebhookAsync(OrderCalls.Notification(Guid.NewGuid(), 100)));
        Assert.Equal(HttpStatusCode.BadRequest, await host.PostWebhookAsync("{\"orderId\": 12"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, await host.PostWebhookAsync("{}"u8.ToArray()));

        var huge = new byte[10 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');
        using (var content = new ByteArrayContent(huge))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await host.Http.PostAsync("/payments/webhook", content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
    }

    private static async Task<(MerchantScenario Merchant, string Customer, string Card)> SetUpAsync(CodeScanHost host)
    {
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var card = (await merchant.TimesCardAsync(price: 30_000)).Id("cardProduct");
        return (merchant, customer, card);
    }
}

public sealed class EmbeddedPaymentWebhookTests() : PaymentWebhookTests(StoreMode.Embedded);

public sealed class MariaDbPaymentWebhookTests() : PaymentWebhookTests(StoreMode.MariaDbRedis);
