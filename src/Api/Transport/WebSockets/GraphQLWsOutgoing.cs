using System.Buffers;
using System.Text.Json;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>Builds the UTF-8 JSON of server messages; payloads arrive already serialized by the GraphQL serializer.</summary>
internal static class GraphQLWsOutgoing
{
    public static ReadOnlyMemory<byte> ConnectionAck() => Build(MessageType.ConnectionAck, id: null, rawPayload: null);

    public static ReadOnlyMemory<byte> Pong(JsonElement? payload)
        => Build(MessageType.Pong, id: null, payload?.GetRawText());

    public static ReadOnlyMemory<byte> Next(string id, string rawResult) => Build(MessageType.Next, id, rawResult);

    public static ReadOnlyMemory<byte> Error(string id, string rawErrors) => Build(MessageType.Error, id, rawErrors);

    public static ReadOnlyMemory<byte> Complete(string id) => Build(MessageType.Complete, id, rawPayload: null);

    private static ReadOnlyMemory<byte> Build(string type, string? id, string? rawPayload)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (rawPayload?.Length ?? 0));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            json.WriteString("type", type);
            if (rawPayload is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(rawPayload, skipInputValidation: true);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
