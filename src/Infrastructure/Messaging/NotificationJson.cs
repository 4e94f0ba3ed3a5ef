using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeScan.Infrastructure.Messaging;

internal static class NotificationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
