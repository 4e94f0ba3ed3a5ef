using System.Text.Json;
using System.Text.Json.Serialization;
using CodeScan.Domain.Common;

namespace CodeScan.Infrastructure.Persistence.EventLog;

/// <summary>
/// Turns domain events into log rows and back. The type name is the event's class name, so renaming an
/// event class is a breaking change to the log (add an alias here when one is renamed).
/// </summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, Type> TypesByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string TypeName(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options);

    public static IDomainEvent Deserialize(string typeName, string payload) =>
        TypesByName.TryGetValue(typeName, out var type)
            ? (IDomainEvent)JsonSerializer.Deserialize(payload, type, Options)!
            : throw new InvalidOperationException($"Unknown event type '{typeName}' in the event log.");
}
