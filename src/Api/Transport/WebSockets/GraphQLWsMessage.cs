using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>A client message that passed the protocol's shape rules; anything else closes the socket with 4400.</summary>
internal readonly record struct GraphQLWsMessage(string Type, string? Id, JsonElement? Payload)
{
    public static bool TryParse(JsonElement root, out GraphQLWsMessage message, [NotNullWhen(false)] out string? error)
    {
        message = default;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            error = "Message must be a JSON object with a string 'type'.";
            return false;
        }

        var type = typeElement.GetString()!;
        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String)
            {
                error = "'id' must be a string.";
                return false;
            }

            id = idElement.GetString();
        }

        JsonElement? payload = root.TryGetProperty("payload", out var payloadElement)
            && payloadElement.ValueKind != JsonValueKind.Null
            ? payloadElement
            : null;

        error = ShapeError(type, id, payload);
        if (error is not null)
        {
            return false;
        }

        message = new GraphQLWsMessage(type, id, payload);
        return true;
    }

    /// <summary>What the message's type requires of its id and payload; null when it has it.</summary>
    private static string? ShapeError(string type, string? id, JsonElement? payload) => type switch
    {
        MessageType.ConnectionInit or MessageType.Ping or MessageType.Pong => ObjectOrAbsent(payload, type),
        MessageType.Subscribe when string.IsNullOrEmpty(id) => "'subscribe' needs a non-empty 'id'.",
        MessageType.Subscribe when payload?.ValueKind != JsonValueKind.Object => "'subscribe' needs an object 'payload'.",
        MessageType.Subscribe => null,
        MessageType.Complete when string.IsNullOrEmpty(id) => "'complete' needs a non-empty 'id'.",
        MessageType.Complete => null,
        _ => $"Unexpected message of type {type} received",
    };

    private static string? ObjectOrAbsent(JsonElement? payload, string type)
        => payload is null || payload.Value.ValueKind == JsonValueKind.Object
            ? null
            : $"'{type}' payload must be an object when present.";
}
