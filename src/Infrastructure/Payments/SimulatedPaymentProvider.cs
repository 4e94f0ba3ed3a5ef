using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Payments;

/// <summary>What the simulated provider does with the next payments it is asked for.</summary>
public enum SimulatedPaymentBehaviour
{
    /// <summary>After the delay, one signed "paid" notification for the exact amount.</summary>
    Pay,

    /// <summary>The customer never pays: no notification at all, so the order expires.</summary>
    DoNotPay,

    /// <summary>"paid" for one minor unit less than due.</summary>
    PayWrongAmount,

    /// <summary>"paid" in a currency other than the order's.</summary>
    PayWrongCurrency,

    /// <summary>The same "paid" notification three times, concurrently (a provider retrying).</summary>
    PayThreeTimes,

    /// <summary>"paid", then a stale "pending" for the same payment.</summary>
    PayThenPending,
}

/// <summary>One notification the simulated provider delivered, and our webhook's answer.</summary>
public sealed record SimulatedDelivery(Guid OrderId, string Status, long Amount, string Currency, int HttpStatus);

/// <summary>
/// A stand-in for a payment provider (Development and tests): it calls our webhook over real HTTP with
/// signed notifications, retrying like a provider does while the answer is 404 or 5xx (the order may not
/// be committed yet). Tests choose its <see cref="Behaviour"/> and read its <see cref="Deliveries"/>.
/// </summary>
public sealed partial class SimulatedPaymentProvider(
    IHttpClientFactory clients,
    IOptions<PaymentOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SimulatedPaymentProvider> logger)
{
    public const string HttpClientName = "payments-webhook";
    private const int MaxAttempts = 6;

    private readonly ConcurrentQueue<SimulatedDelivery> _deliveries = new();

    public SimulatedPaymentBehaviour Behaviour { get; set; } = SimulatedPaymentBehaviour.Pay;

    public IReadOnlyCollection<SimulatedDelivery> Deliveries => _deliveries.ToArray();

    /// <summary>Schedules what the customer "does" on the provider's page, per <see cref="Behaviour"/>.</summary>
    public void Begin(Guid orderId, string reference, long amount, string currency)
    {
        var behaviour = Behaviour;
        if (behaviour == SimulatedPaymentBehaviour.DoNotPay)
        {
            return;
        }

        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await Task.Delay(options.Value.SimulatedDelay, stopping);
                    await RunAsync(behaviour, orderId, reference, amount, currency, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // The service is stopping; a real provider would retry later.
                }
                catch (Exception ex)
                {
                    LogFailed(logger, ex, orderId);
                }
            },
            CancellationToken.None);
    }

    /// <summary>Signs and POSTs one notification (with provider-style retries) and returns our HTTP answer.</summary>
    public async Task<int> NotifyAsync(PaymentNotification notification, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(notification, PaymentNotification.Json);
        var status = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                status = await PostAsync(body, cancellationToken);
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            if (status is not (0 or (int)HttpStatusCode.NotFound or >= 500))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), cancellationToken);
        }

        _deliveries.Enqueue(new SimulatedDelivery(notification.OrderId, notification.Status, notification.Amount, notification.Currency, status));
        return status;
    }

    private async Task RunAsync(SimulatedPaymentBehaviour behaviour, Guid orderId, string reference, long amount, string currency, CancellationToken cancellationToken)
    {
        var paid = new PaymentNotification(orderId, reference, amount, currency, "paid", clock.GetUtcNow());
        switch (behaviour)
        {
            case SimulatedPaymentBehaviour.PayWrongAmount:
                await NotifyAsync(paid with { Amount = amount - 1 }, cancellationToken);
                break;
            case SimulatedPaymentBehaviour.PayWrongCurrency:
                await NotifyAsync(paid with { Currency = currency == "USD" ? "EUR" : "USD" }, cancellationToken);
                break;
            case SimulatedPaymentBehaviour.PayThreeTimes:
                await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NotifyAsync(paid, cancellationToken)));
                break;
            case SimulatedPaymentBehaviour.PayThenPending:
                await NotifyAsync(paid, cancellationToken);
                await NotifyAsync(paid with { Status = "pending", Timestamp = paid.Timestamp.AddSeconds(-1) }, cancellationToken);
                break;
            default:
                await NotifyAsync(paid, cancellationToken);
                break;
        }
    }

    private async Task<int> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress(), "/payments/webhook"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(PaymentWebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(PaymentWebhookSignature.SignatureHeader, PaymentWebhookSignature.Sign(options.Value.WebhookSecret, timestamp, body));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private Uri BaseAddress()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookBaseUrl))
        {
            return new Uri(options.Value.WebhookBaseUrl);
        }

        // This service's own address: where Kestrel really listens (an ephemeral port in tests).
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Payments:WebhookBaseUrl is not set and the server has no address yet.");
        return new Uri(address.Replace("//0.0.0.0", "//127.0.0.1", StringComparison.Ordinal).Replace("//[::]", "//127.0.0.1", StringComparison.Ordinal).Replace("//+", "//127.0.0.1", StringComparison.Ordinal).Replace("//*", "//127.0.0.1", StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulated payment for order {OrderId} could not be delivered")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid orderId);
}
