using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CodeScan.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// A signed-in socket follows its sign-in session: it is closed with 4403 when its access token expires
/// (unless a <c>ping</c> carrying a fresh token of the same user came first) and when the session is
/// revoked (sign-out, a stolen refresh token), on whichever node that happens.
/// </summary>
internal sealed partial class GraphQLWsConnection
{
    private readonly Lock sessionGate = new();
    private ITimer? expiry;
    private IDisposable? revocationWatch;
    private IDisposable? userSlot;
    private Guid? sessionId;
    private bool unbound;

    /// <summary>Counts a signed-in socket for its user and starts following its session; false when the user holds too many.</summary>
    private async Task<bool> TryBindAsync(ClaimsPrincipal principal)
    {
        if (SubjectOf(principal) is not { } subject)
        {
            return true;
        }

        var slot = await limits.TryAcquireUserAsync(subject, lifetime.Token);
        lock (sessionGate)
        {
            if (unbound)
            {
                // The socket closed while the slot was being counted: nothing else would free it.
                slot?.Dispose();
                return false;
            }

            userSlot = slot;
        }

        if (slot is null)
        {
            Close(CloseCode.TooManyConnections, "Too many connections for this user");
            return false;
        }

        Follow(principal);
        return true;
    }

    /// <summary>
    /// A <c>ping</c> whose payload carries a token, as <c>connection_init</c> does, renews the socket's rights:
    /// the token must be valid and the same user's, and then its expiry (and session) is the socket's. A ping
    /// without one is answered as always.
    /// </summary>
    private async Task HandlePingAsync(JsonElement? payload)
    {
        var credentials = ReadAuthorization(payload, out var authorization);
        if (credentials != InitCredentials.Malformed && authorization is null)
        {
            writer.TrySend(GraphQLWsOutgoing.Pong(payload));
            return;
        }

        var principal = authorization is null ? null : await BearerAuthentication.AuthenticateAsync(authorization, connectionServices, lifetime.Token);
        if (principal is null || SubjectOf(principal) is not { } subject || subject != SubjectOf(user))
        {
            Close(CloseCode.Forbidden, "Forbidden: the token in ping is not a valid token of this socket's user");
            return;
        }

        user = principal;
        Follow(principal);
        // The token is not echoed back.
        writer.TrySend(GraphQLWsOutgoing.Pong(payload: null));
    }

    private void Follow(ClaimsPrincipal principal)
    {
        var clock = connectionServices.GetService<TimeProvider>() ?? TimeProvider.System;
        lock (sessionGate)
        {
            if (unbound)
            {
                return;
            }

            var session = Guid.TryParse(principal.FindFirstValue("sid"), out var sid) ? sid : (Guid?)null;
            if (session != sessionId)
            {
                revocationWatch?.Dispose();
                sessionId = session;
                revocationWatch = session is { } watched
                    ? connectionServices.GetService<ISessionRevocations>()?.Watch(watched, () => CloseForSession("Forbidden: the session has ended"))
                    : null;
            }

            if (ExpiryOf(principal) is { } expiresAt)
            {
                var due = expiresAt - clock.GetUtcNow();
                expiry ??= clock.CreateTimer(_ => CloseForSession("Forbidden: the access token has expired"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                expiry.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void CloseForSession(string reason)
    {
        lock (sessionGate)
        {
            if (!unbound)
            {
                Close(CloseCode.Forbidden, reason);
            }
        }
    }

    /// <summary>Stops following the session and frees the user's slot; the socket is closing.</summary>
    private void Unbind()
    {
        lock (sessionGate)
        {
            unbound = true;
            expiry?.Dispose();
            revocationWatch?.Dispose();
            userSlot?.Dispose();
        }
    }

    private static string? SubjectOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue("sub") : null;

    private static DateTimeOffset? ExpiryOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue("exp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
