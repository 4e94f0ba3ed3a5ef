using CodeScan.Api.Transport.Http;
using CodeScan.Api.Transport.WebSockets;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Api.Transport;

/// <summary>The single <c>/graphql</c> endpoint: WebSocket upgrades go to graphql-transport-ws, the rest to GraphQL over HTTP.</summary>
internal sealed class GraphQLTransportEndpoint(GraphQLHttpHandler http, GraphQLWebSocketHandler webSockets)
{
    public Task HandleAsync(HttpContext context)
        => context.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(context) : http.HandleAsync(context);
}
