using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Payments;

public enum WebhookCheck
{
    Valid,
    Unavailable,
    BadSignature,
    Malformed,
}

/// <summary>Authenticates a provider notification: signature and freshness first, then the shape of the JSON.</summary>
public sealed class PaymentWebhookVerifier(IOptions<PaymentOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>A notification is a few hundred bytes; anything near this is not from a provider.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>False outside Development with the development secret: anyone could sign with it.</summary>
    public bool IsAvailable => environment.IsDevelopment() || options.Value.WebhookSecret != PaymentOptions.DevelopmentWebhookSecret;

    public WebhookCheck Check(string? timestamp, string? signature, ReadOnlySpan<byte> body, out PaymentNotification? notification)
    {
        notification = null;
        if (!IsAvailable)
        {
            return WebhookCheck.Unavailable;
        }

        var settings = options.Value;
        if (!PaymentWebhookSignature.IsValid(settings.WebhookSecret, timestamp, signature, body, clock.GetUtcNow(), settings.SignatureTolerance))
        {
            return WebhookCheck.BadSignature;
        }

        try
        {
            notification = JsonSerializer.Deserialize<PaymentNotification>(body, PaymentNotification.Json);
        }
        catch (JsonException)
        {
            return WebhookCheck.Malformed;
        }

        return notification is { ProviderReference.Length: > 0 and <= PaymentNotification.MaxReferenceLength, Currency.Length: 3, Status.Length: > 0 }
            ? WebhookCheck.Valid
            : WebhookCheck.Malformed;
    }
}
