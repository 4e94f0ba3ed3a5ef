using System.Buffers;
using System.Net.WebSockets;

namespace CodeScan.Api.Transport.WebSockets;

internal enum IncomingKind
{
    Text,
    Binary,
    TooLarge,
    Close,
}

internal readonly record struct IncomingMessage(IncomingKind Kind, ReadOnlyMemory<byte> Text);

/// <summary>
/// Joins frames into whole messages, up to a limit; a larger message is read to its end and dropped
/// so the server never holds more than the limit for one client.
/// </summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    private const int ChunkSize = 4 * 1024;
    private readonly ArrayBufferWriter<byte> buffer = new(ChunkSize);

    /// <summary>The returned text is valid until the next call.</summary>
    public async ValueTask<IncomingMessage> ReadAsync(CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        var tooLarge = false;
        while (true)
        {
            var frame = await socket.ReceiveAsync(buffer.GetMemory(ChunkSize), cancellationToken);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                return new IncomingMessage(IncomingKind.Close, default);
            }

            if (!tooLarge)
            {
                buffer.Advance(frame.Count);
                tooLarge = buffer.WrittenCount > maxMessageBytes;
            }

            if (!frame.EndOfMessage)
            {
                continue;
            }

            return tooLarge ? new IncomingMessage(IncomingKind.TooLarge, default)
                : frame.MessageType == WebSocketMessageType.Binary ? new IncomingMessage(IncomingKind.Binary, default)
                : new IncomingMessage(IncomingKind.Text, buffer.WrittenMemory);
        }
    }
}
