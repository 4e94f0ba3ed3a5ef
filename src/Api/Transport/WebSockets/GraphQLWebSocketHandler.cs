using System.Net.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>Accepts WebSocket upgrades on the GraphQL path and runs each socket as a <see cref="GraphQLWsConnection"/>.</summary>
internal sealed class GraphQLWebSocketHandler(
    IOptions<GraphQLTransportOptions> options,
    WebSocketConnectionLimits limits,
    IServiceScopeFactory scopeFactory,
    IGraphQLTextSerializer serializer,
    ILogger<GraphQLWebSocketHandler> logger)
{
    private readonly GraphQLTransportOptions options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            // The protocol asks for a close with 4406 rather than a refused upgrade, so clients can tell why.
            using var rejected = await context.WebSockets.AcceptWebSocketAsync();
            await CloseQuietlyAsync(rejected, CloseCode.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            return;
        }

        using var addressSlot = await limits.TryAcquireAddressAsync(context.Connection.RemoteIpAddress, context.RequestAborted);
        if (addressSlot is null)
        {
            // Accepted only to say why: a browser cannot read the status of a refused upgrade.
            using var refused = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
            await CloseQuietlyAsync(refused, CloseCode.TooManyConnections, "Too many connections from this address");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = SubProtocol,
            KeepAliveInterval = options.KeepAliveInterval,
        });

        var connection = new GraphQLWsConnection(
            socket, context.RequestServices, scopeFactory, serializer, options, limits, logger);
        await connection.RunAsync(context.RequestAborted);
    }

    private async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(options.CloseHandshakeTimeout);
        try
        {
            await socket.CloseAsync(status, reason, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client did not answer the close frame; the socket is dropped either way.
        }
    }
}
