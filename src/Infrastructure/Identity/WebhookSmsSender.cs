using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeScan.Application.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// Hands each message to an SMS gateway: POST <c>{ "to", "text", "locale" }</c> as JSON to
/// <c>Sms:WebhookUrl</c>. The gateway checks <c>X-CodeScan-Signature: sha256=&lt;hex&gt;</c>, an
/// HMAC-SHA256 with <c>Sms:WebhookSecret</c> over <c>"{X-CodeScan-Timestamp}.{body}"</c>, and may refuse
/// stale timestamps. A non-2xx answer throws, so the request rolls back and nothing is stored.
/// </summary>
internal sealed partial class WebhookSmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options, TimeProvider clock, ILogger<WebhookSmsSender> logger) : ISmsSender
{
    public const string HttpClientName = "sms-webhook";
    public const string SignatureHeader = "X-CodeScan-Signature";
    public const string TimestampHeader = "X-CodeScan-Timestamp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value;
        var body = JsonSerializer.Serialize(new { to = message.To.Value, text = message.Text, locale = message.Locale }, Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var request = new HttpRequestMessage(HttpMethod.Post, sms.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(sms.WebhookSecret!, timestamp, body));

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused(logger, message.To.Masked(), (int)response.StatusCode);
            response.EnsureSuccessStatusCode();
        }

        LogSent(logger, message.To.Masked());
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS for {Phone} handed to the gateway")]
    private static partial void LogSent(ILogger logger, string phone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS gateway refused the message for {Phone} with HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, string phone, int status);
}
