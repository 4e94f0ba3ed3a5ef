using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>How the liability projection's wallet lots and instruments are stored (and copied in memory).</summary>
internal static class LiabilityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}
