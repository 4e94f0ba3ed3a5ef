using System.Text.Json;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>The handshake: one <c>connection_init</c> with the bearer token, in time, before anything else is accepted.</summary>
internal sealed partial class GraphQLWsConnection
{
    private async Task HandleInitAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            Close(CloseCode.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        // Messages are handled one at a time, so nothing else runs on this socket while the token is checked.
        var credentials = ReadAuthorization(payload, out var authorization);
        if (credentials == InitCredentials.Unrecognised)
        {
            // A client that meant to sign in, in a shape we do not read, must not get a silent anonymous session.
            Close(CloseCode.Forbidden, "Forbidden: no bearer token in connection_init (payload.authorization or payload.headers.Authorization)");
            return;
        }

        var principal = credentials == InitCredentials.Malformed
            ? null
            : await BearerAuthentication.AuthenticateAsync(authorization, connectionServices, lifetime.Token);
        if (principal is null)
        {
            Close(CloseCode.Forbidden, "Forbidden");
            return;
        }

        user = principal;
        if (!await TryBindAsync(principal))
        {
            return;
        }

        acknowledged = true;
        writer.TrySend(GraphQLWsOutgoing.ConnectionAck());
    }

    private enum InitCredentials
    {
        /// <summary>No payload, an empty one, or a token (checked next); a null token is anonymous.</summary>
        Read,

        /// <summary>An authorization value that is not a string.</summary>
        Malformed,

        /// <summary>A payload with something in it but no authorization where clients put it.</summary>
        Unrecognised,
    }

    /// <summary>
    /// Finds the token in the init payload: <c>{ authorization }</c> (graphql-ws <c>connectionParams</c>) or
    /// <c>{ headers: { Authorization } }</c> (clients that reuse their HTTP headers), either key case.
    /// </summary>
    private static InitCredentials ReadAuthorization(JsonElement? payload, out string? authorization)
    {
        authorization = null;
        if (payload is not { ValueKind: JsonValueKind.Object } value || !value.EnumerateObject().Any())
        {
            return InitCredentials.Read;
        }

        if (!TryGetAuthorization(value, out var element)
            && !(value.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object && TryGetAuthorization(headers, out element)))
        {
            return InitCredentials.Unrecognised;
        }

        authorization = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Null ? InitCredentials.Read : InitCredentials.Malformed;
    }

    private static bool TryGetAuthorization(JsonElement container, out JsonElement element) =>
        container.TryGetProperty("authorization", out element) || container.TryGetProperty("Authorization", out element);

    private async Task EnforceInitTimeoutAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref initReceived) == 0)
        {
            Close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }
}
