using System.Net.WebSockets;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>Names and close codes of graphql-transport-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).</summary>
internal static class GraphQLWsProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public static class MessageType
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }

    public static class CloseCode
    {
        public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;
        public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
        public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
        public const WebSocketCloseStatus SubprotocolNotAcceptable = (WebSocketCloseStatus)4406;
        public const WebSocketCloseStatus ConnectionInitialisationTimeout = (WebSocketCloseStatus)4408;
        public const WebSocketCloseStatus SubscriberAlreadyExists = (WebSocketCloseStatus)4409;
        public const WebSocketCloseStatus TooManyInitialisationRequests = (WebSocketCloseStatus)4429;

        /// <summary>Ours, in the protocol's spirit: the same 4429, for a user or address over its connection limit.</summary>
        public const WebSocketCloseStatus TooManyConnections = (WebSocketCloseStatus)4429;
        public const WebSocketCloseStatus InternalServerError = (WebSocketCloseStatus)4500;
    }
}
