using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using CodeScan.Application.Common.Security;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws socket: a receive loop that applies the protocol, operations that run
/// concurrently in their own DI scopes, and a single writer that sends what they produce.
/// </summary>
internal sealed partial class GraphQLWsConnection(
    WebSocket socket,
    IServiceProvider connectionServices,
    IServiceScopeFactory scopeFactory,
    IGraphQLTextSerializer serializer,
    GraphQLTransportOptions options,
    WebSocketConnectionLimits limits,
    ILogger logger)
{
    private readonly WebSocketMessageWriter writer = new(socket, options.MaxPendingMessagesPerSocket);
    private readonly WebSocketMessageReader reader = new(socket, (int)Math.Min(options.MaxRequestBytes, int.MaxValue));
    private readonly ConcurrentDictionary<string, GraphQLWsOperation> operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GraphQLWsOperation, byte> running = new();
    private readonly CancellationTokenSource lifetime = new();
    private int initReceived;
    private bool acknowledged;
    private ClaimsPrincipal user = BearerAuthentication.Anonymous;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var abortRegistration = requestAborted.Register(lifetime.Cancel);
        var writing = RunWriterAsync();
        var initTimeout = EnforceInitTimeoutAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the close handshake timed out; clean-up below is all that is left.
        }
        catch (Exception exception)
        {
            // A bug or a missing service must not leave the client waiting on a silent socket.
            LogConnectionFailed(logger, exception);
            Close(CloseCode.InternalServerError, "Internal server error");
        }
        finally
        {
            await ShutDownAsync(writing, initTimeout);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        while (true)
        {
            var message = await reader.ReadAsync(lifetime.Token);
            if (message.Kind == IncomingKind.Close)
            {
                // Answer the client's close (with its own code) unless ours is already on the way.
                writer.TryClose(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "");
                return;
            }

            if (writer.IsClosing)
            {
                // Waiting for the client to confirm our close; whatever it still sends is moot.
                continue;
            }

            switch (message.Kind)
            {
                case IncomingKind.TooLarge:
                    Close(WebSocketCloseStatus.MessageTooBig, "Message too big");
                    break;
                case IncomingKind.Binary:
                    Close(CloseCode.BadRequest, "Binary messages are not supported");
                    break;
                default:
                    await HandleAsync(message.Text);
                    break;
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            Close(CloseCode.BadRequest, "Invalid message received");
            return;
        }

        using (document)
        {
            if (!GraphQLWsMessage.TryParse(document.RootElement, out var message, out var error))
            {
                Close(CloseCode.BadRequest, error);
                return;
            }

            switch (message.Type)
            {
                case MessageType.ConnectionInit:
                    await HandleInitAsync(message.Payload);
                    break;
                case MessageType.Ping:
                    await HandlePingAsync(message.Payload);
                    break;
                case MessageType.Pong:
                    break;
                case MessageType.Subscribe:
                    HandleSubscribe(message.Id!, message.Payload!.Value);
                    break;
                case MessageType.Complete:
                    HandleComplete(message.Id!);
                    break;
            }
        }
    }

    private void Close(WebSocketCloseStatus status, string reason)
    {
        if (writer.TryClose(status, reason))
        {
            // The client gets this long to answer the close frame before the socket is dropped.
            lifetime.CancelAfter(options.CloseHandshakeTimeout);
        }
    }

    private async Task RunWriterAsync()
    {
        try
        {
            await writer.RunAsync(lifetime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // A socket that cannot be written to is finished; stop receiving too.
            lifetime.Cancel();
        }
    }

    private async Task ShutDownAsync(Task writing, Task initTimeout)
    {
        Unbind();
        var stillRunning = running.Keys.ToArray();
        foreach (var operation in stillRunning)
        {
            operation.Cancel();
        }

        // Let the writer flush what is queued (the close frame above all), but not forever.
        writer.Complete();
        lifetime.CancelAfter(options.CloseHandshakeTimeout);
        await writing;
        await lifetime.CancelAsync();
        await initTimeout;
        try
        {
            await Task.WhenAll(stillRunning.Select(operation => operation.Stopped)).WaitAsync(options.CloseHandshakeTimeout);
        }
        catch (TimeoutException)
        {
            LogSlowShutdown(logger, stillRunning.Length);
        }

        lifetime.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} GraphQL WebSocket operation(s) were still stopping when the socket closed")]
    private static partial void LogSlowShutdown(ILogger logger, int count);
}
