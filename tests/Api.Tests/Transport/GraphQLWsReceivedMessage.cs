using System.Text.Json;

namespace CodeScan.Api.Tests.Transport;

/// <summary>A graphql-transport-ws message as the server sent it.</summary>
public sealed record GraphQLWsReceivedMessage(string Type, string? Id, JsonElement? Payload, string Raw)
{
    public static GraphQLWsReceivedMessage Parse(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        return new GraphQLWsReceivedMessage(
            root.GetProperty("type").GetString()!,
            root.TryGetProperty("id", out var id) ? id.GetString() : null,
            root.TryGetProperty("payload", out var payload) ? payload.Clone() : null,
            raw);
    }
}

/// <summary>How the server closed the socket.</summary>
public sealed record GraphQLWsCloseResult(int? Code, string? Reason);
