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
        var principal = ReadAuthorization(payload, out var authorization)
            ? await BearerAuthentication.AuthenticateAsync(authorization, connectionServices, lifetime.Token)
            : null;
        if (principal is null)
        {
            Close(CloseCode.Forbidden, "Forbidden");
            return;
        }

        user = principal;
        acknowledged = true;
        writer.TrySend(GraphQLWsOutgoing.ConnectionAck());
    }

    /// <summary>Finds the token in the init payload; false when the value is there but not a string.</summary>
    private static bool ReadAuthorization(JsonElement? payload, out string? authorization)
    {
        authorization = null;
        if (payload is not { } value
            || !(value.TryGetProperty("authorization", out var element) || value.TryGetProperty("Authorization", out element))
            || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        authorization = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

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
