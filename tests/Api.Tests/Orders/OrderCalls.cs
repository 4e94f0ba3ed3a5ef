using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Payments;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Orders;

/// <summary>Purchases, claims, counter issuance and provider notifications as clients and the provider send them.</summary>
public static class OrderCalls
{
    public const string Purchase = """
        mutation($input: PurchaseInput!) {
          purchase(input: $input) {
            order { id itemKind itemId status amountDue { minorUnits currency } payBy paidAt }
            payment { provider sessionId clientSecret expiresAt }
            errors { code message path }
          }
        }
        """;

    public const string ClaimCoupon = """
        mutation($input: ClaimCouponInput!) {
          claimCoupon(input: $input) { instrument { id kind name amountPaid { minorUnits } source expiresAt } errors { code message path } }
        }
        """;

    public const string IssueAtCounter = """
        mutation($input: IssueAtCounterInput!) {
          issueAtCounter(input: $input) {
            instrument { id kind name amountPaid { minorUnits } bonus { minorUnits } source usesGranted payRateBasisPoints validFrom expiresAt }
            errors { code message path }
          }
        }
        """;

    public const string Order = "query($id: ID!) { order(id: $id) { id status amountDue { minorUnits } paidAt } }";

    public const string Orders = """
        query($first: Int, $after: String) { orders(first: $first, after: $after) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }
        """;

    /// <summary>Fast provider and expiry for tests; <paramref name="timeToPay"/> short when a test waits for expiry.</summary>
    public static Action<IDictionary<string, string?>> Settings(TimeSpan? timeToPay = null) => s =>
    {
        s["Payments:SimulatedDelay"] = "00:00:00.050";
        s["Payments:ExpiryInterval"] = "00:00:00.200";
        if (timeToPay is { } ttp)
        {
            s["Payments:TimeToPay"] = ttp.ToString("c", CultureInfo.InvariantCulture);
        }
    };

    public static SimulatedPaymentProvider Provider(this CodeScanHost host) => host.Services.GetRequiredService<SimulatedPaymentProvider>();

    public static async Task<JsonObject> PurchaseAsync(this CodeScanHost host, string token, string merchantId, object item, string? key = null) =>
        (await host.GraphQLAsync(token, Purchase, new { input = new { merchantId, item, idempotencyKey = key ?? Guid.NewGuid().ToString("N") } })).Data("purchase");

    public static async Task<JsonObject> ClaimAsync(this CodeScanHost host, string token, string merchantId, string couponTemplateId, string? key = null) =>
        (await host.GraphQLAsync(token, ClaimCoupon, new { input = new { merchantId, couponTemplateId, idempotencyKey = key ?? Guid.NewGuid().ToString("N") } })).Data("claimCoupon");

    public static async Task<JsonObject> IssueAtCounterAsync(this MerchantScenario merchant, string customerPhone, object item, string? key = null, string? token = null) =>
        (await merchant.Host.GraphQLAsync(token ?? merchant.OwnerToken, IssueAtCounter, new
        {
            input = new { merchantId = merchant.MerchantId, customerPhone, item, idempotencyKey = key ?? Guid.NewGuid().ToString("N") },
        })).Data("issueAtCounter");

    public static string Id(this JsonObject payload, string field) => payload[field]!["id"]!.GetValue<string>();

    public static async Task<JsonObject?> OrderAsync(this CodeScanHost host, string token, string orderId) =>
        (await host.GraphQLAsync(token, Order, new { id = orderId }))["data"]!["order"] as JsonObject;

    /// <summary>Polls the order until it reaches <paramref name="status"/> (the provider pays asynchronously).</summary>
    public static async Task<JsonObject> WaitForOrderAsync(this CodeScanHost host, string token, string orderId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var order = await host.OrderAsync(token, orderId);
            if (order?["status"]?.GetValue<string>() == status)
            {
                return order;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Order {orderId} did not become {status}: {order?.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the simulated provider has delivered <paramref name="count"/> notifications for the order.</summary>
    public static async Task<IReadOnlyList<SimulatedDelivery>> WaitForDeliveriesAsync(this CodeScanHost host, Guid orderId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var deliveries = host.Provider().Deliveries.Where(d => d.OrderId == orderId).ToList();
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{deliveries.Count} of {count} notifications delivered for {orderId}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>The order's database id from its global id.</summary>
    public static Guid OrderGuid(string orderId) =>
        GraphQL.GlobalId.TryDecode(orderId, "Order", out var id) ? id : throw new ArgumentException("Not an order id.", nameof(orderId));

    /// <summary>POSTs a notification to the webhook as a provider would, signed with <paramref name="secret"/>.</summary>
    public static async Task<HttpStatusCode> PostWebhookAsync(this CodeScanHost host, byte[] body, string? secret = null, DateTimeOffset? signedAt = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/webhook")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(PaymentWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(PaymentWebhookSignature.SignatureHeader, PaymentWebhookSignature.Sign(secret ?? PaymentOptions.DevelopmentWebhookSecret, timestamp, body));
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode;
    }

    public static byte[] Notification(Guid orderId, long amount, string currency = "CNY", string status = "paid", string? reference = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new PaymentNotification(orderId, reference ?? "test_" + Guid.NewGuid().ToString("N"), amount, currency, status, DateTimeOffset.UtcNow), PaymentNotification.Json);

    public static async Task<(int Cards, int Coupons, int Recharges, int Orders)> CountsAsync(this CodeScanHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        return (await db.Cards.CountAsync(), await db.Coupons.CountAsync(), await db.Recharges.CountAsync(), await db.Orders.CountAsync());
    }

    /// <summary>Records what the service logs from now on (warnings and above pass the test host's filter).</summary>
    public static CapturedLogs CaptureLogs(this CodeScanHost host)
    {
        var logs = new CapturedLogs();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        return logs;
    }
}

public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
