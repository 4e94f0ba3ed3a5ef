using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// A raw graphql-transport-ws client over <see cref="ClientWebSocket"/> for integration tests.
/// A background loop reads the socket into a queue, so waiting for a message with a timeout never
/// aborts the socket (cancelling a pending ClientWebSocket receive would).
/// </summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket socket;
    private readonly Channel<GraphQLWsReceivedMessage> received = Channel.CreateUnbounded<GraphQLWsReceivedMessage>();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly Task receiving;
    private GraphQLWsCloseResult? close;

    private GraphQLWsTestClient(ClientWebSocket socket)
    {
        this.socket = socket;
        receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The subprotocol the server selected, or null.</summary>
    public string? NegotiatedSubProtocol => socket.SubProtocol;

    /// <summary>Opens the socket without sending anything; pass <c>null</c> to offer no subprotocol.</summary>
    public static async Task<GraphQLWsTestClient> OpenAsync(Uri uri, string? subProtocol = SubProtocol)
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsTestClient(socket);
    }

    /// <summary>
    /// Opens the socket, sends <c>connection_init</c> (with <paramref name="authorization"/>, e.g. "Bearer good",
    /// when given) and waits for <c>connection_ack</c>.
    /// </summary>
    public static async Task<GraphQLWsTestClient> ConnectAsync(Uri uri, string? authorization = null)
    {
        var client = await OpenAsync(uri);
        try
        {
            await client.InitAsync(authorization);
            var ack = await client.ReceiveAsync();
            if (ack.Type != "connection_ack")
            {
                throw new InvalidOperationException($"Expected connection_ack but received {ack.Raw}");
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public Task InitAsync(string? authorization = null)
        => authorization is null
            ? SendAsync(new { type = "connection_init" })
            : SendAsync(new { type = "connection_init", payload = new { authorization } });

    public Task SubscribeAsync(string id, string query, object? variables = null, string? operationName = null)
        => SendAsync(new { id, type = "subscribe", payload = new { query, variables, operationName } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    public Task PingAsync(object? payload = null)
        => payload is null ? SendAsync(new { type = "ping" }) : SendAsync(new { type = "ping", payload });

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public Task SendRawAsync(string text) => SendFrameAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendFrameAsync(ReadOnlyMemory<byte> bytes, WebSocketMessageType type)
    {
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>The next message; fails when none arrives in time or the socket closes.</summary>
    public async Task<GraphQLWsReceivedMessage> ReceiveAsync(TimeSpan? timeout = null)
        => await TryReceiveAsync(timeout)
            ?? throw new TimeoutException($"No message within {timeout ?? DefaultTimeout}.");

    /// <summary>The next message, or null when none arrives in time; fails when the socket closes.</summary>
    public async Task<GraphQLWsReceivedMessage?> TryReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await received.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The socket closed with {close?.Code}: {close?.Reason}");
        }
    }

    /// <summary>Messages for <paramref name="id"/> up to and including its <c>complete</c> or <c>error</c>.</summary>
    public async Task<IReadOnlyList<GraphQLWsReceivedMessage>> ReceiveUntilDoneAsync(string id, TimeSpan? timeout = null)
    {
        var messages = new List<GraphQLWsReceivedMessage>();
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            if (message.Id != id)
            {
                continue;
            }

            messages.Add(message);
            if (message.Type is "complete" or "error")
            {
                return messages;
            }
        }
    }

    /// <summary>Skips any remaining messages and returns the server's close code and reason.</summary>
    public async Task<GraphQLWsCloseResult> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await foreach (var _ in received.Reader.ReadAllAsync(cancellation.Token))
            {
                // Messages sent before the close do not matter to the caller.
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The socket did not close within {timeout ?? DefaultTimeout}.");
        }

        await receiving;
        return close!;
    }

    /// <summary>Starts the close handshake and returns the server's answer.</summary>
    public async Task<GraphQLWsCloseResult> CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        await sending.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(status, "bye", CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }

        return await ReceiveCloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await sending.WaitAsync();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                socket.Abort();
            }
            finally
            {
                sending.Release();
            }
        }

        try
        {
            // The receive loop ends when the server answers our close frame.
            await receiving.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await receiving;
        }

        socket.Dispose();
        sending.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var frame = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    close = new GraphQLWsCloseResult((int?)frame.CloseStatus, frame.CloseStatusDescription);
                    await AnswerCloseAsync(frame);
                    return;
                }

                message.Write(buffer, 0, frame.Count);
                if (frame.EndOfMessage)
                {
                    received.Writer.TryWrite(GraphQLWsReceivedMessage.Parse(Encoding.UTF8.GetString(message.ToArray())));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            close ??= new GraphQLWsCloseResult(null, $"connection lost: {exception.Message}");
        }
        finally
        {
            received.Writer.TryComplete();
        }
    }

    private async Task AnswerCloseAsync(WebSocketReceiveResult frame)
    {
        if (socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        await sending.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(frame.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server may drop the connection right after its close frame.
        }
        finally
        {
            sending.Release();
        }
    }
}
