using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>How the liability projection's wallet lots and instruments are stored (and copied in memory).</summary>
internal static class LiabilityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>As stored in Redis: UTF-8 bytes both ways, with no UTF-16 string in between.</summary>
    public static byte[] WriteUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <inheritdoc cref="WriteUtf8{T}(T)"/>
    public static T? Read<T>(RedisValue value) where T : class =>
        value.IsNull ? null : JsonSerializer.Deserialize<T>(((ReadOnlyMemory<byte>)value).Span, Options);
}
