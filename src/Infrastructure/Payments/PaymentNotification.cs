using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeScan.Infrastructure.Payments;

/// <summary>The JSON a provider POSTs to <c>/payments/webhook</c>.</summary>
public sealed record PaymentNotification(
    [property: JsonPropertyName("orderId")] Guid OrderId,
    [property: JsonPropertyName("providerReference")] string ProviderReference,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp)
{
    public const int MaxReferenceLength = 100;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
