namespace CodeScan.Infrastructure.Payments;

/// <summary>Configuration section "Payments": the provider, the webhook it calls and how orders expire.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public const string SimulatedProvider = "Simulated";

    /// <summary>Refused outside Development: anyone who knows it can mark orders paid.</summary>
    public const string DevelopmentWebhookSecret = "development-only-payment-webhook-secret-0123456789";

    /// <summary>Only "Simulated" exists so far (Development only); a real provider plugs in behind IPaymentGateway.</summary>
    public string Provider { get; set; } = SimulatedProvider;

    /// <summary>HMAC-SHA256 key the provider signs notifications with; at least 32 characters.</summary>
    public string WebhookSecret { get; set; } = DevelopmentWebhookSecret;

    /// <summary>Where the simulated provider sends notifications; this service's own address when empty.</summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>How long the simulated provider waits before it "pays".</summary>
    public TimeSpan SimulatedDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often unpaid orders past their pay-by time are expired.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far a notification's signed timestamp may be from our clock.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
