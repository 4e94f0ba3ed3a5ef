using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// The only code that writes to the socket: a WebSocket allows one send at a time, while results arrive from
/// many operations on many threads. Messages queue here and one loop sends them in order, the close frame last.
/// </summary>
internal sealed class WebSocketMessageWriter(WebSocket socket, int maxPendingMessages)
{
    // RFC 6455 §5.5: a control frame payload is at most 125 bytes, two of which hold the status code.
    private const int MaxCloseReasonBytes = 123;

    private readonly Channel<Outgoing> queue = Channel.CreateUnbounded<Outgoing>(
        new UnboundedChannelOptions { SingleReader = true });

    private int pending;
    private int closing;

    public bool IsClosing => Volatile.Read(ref closing) == 1;

    public bool TrySend(ReadOnlyMemory<byte> message)
    {
        if (Interlocked.Increment(ref pending) > maxPendingMessages)
        {
            // The client stopped reading; dropping it is safer than buffering its backlog forever.
            Interlocked.Decrement(ref pending);
            queue.Writer.TryComplete();
            socket.Abort();
            return false;
        }

        if (queue.Writer.TryWrite(new Outgoing(message, null, null)))
        {
            return true;
        }

        Interlocked.Decrement(ref pending);
        return false;
    }

    /// <summary>Queues the close frame after everything already queued; only the first close counts.</summary>
    public bool TryClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return false;
        }

        queue.Writer.TryWrite(new Outgoing(default, status, Truncate(reason)));
        queue.Writer.TryComplete();
        return true;
    }

    /// <summary>Stops accepting messages; those already queued are still sent.</summary>
    public void Complete() => queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (item.CloseStatus is { } status)
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(status, item.CloseReason, cancellationToken);
                }

                return;
            }

            Interlocked.Decrement(ref pending);
            await socket.SendAsync(item.Message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes)
        {
            length--;
        }

        // Never cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }

    private readonly record struct Outgoing(ReadOnlyMemory<byte> Message, WebSocketCloseStatus? CloseStatus, string? CloseReason);
}
