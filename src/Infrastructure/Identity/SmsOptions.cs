namespace CodeScan.Infrastructure.Identity;

/// <summary>Configuration section "Sms": the HTTP gateway that delivers text messages.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Where messages are POSTed as JSON <c>{ to, text, locale }</c>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>HMAC-SHA256 key for the request signature; at least 32 characters.</summary>
    public string? WebhookSecret { get; set; }

    public bool IsWebhookConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
