using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// How read-model documents (views, wallet lots, instruments) are stored in Redis and copied in memory: JSON as UTF-8
/// bytes both ways, with no UTF-16 string in between.
/// </summary>
internal static class ReadModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The document, or null where nothing is stored (a missing key, a null array: no bytes).</summary>
    public static T? Read<T>(ReadOnlyMemory<byte> utf8) where T : class => utf8.IsEmpty ? null : JsonSerializer.Deserialize<T>(utf8.Span, Options);
}
