using System.Net;
using CodeScan.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// Counts open sockets per client address and per user, on every node when Redis is configured
/// (<see cref="IConnectionSlots"/>). A socket takes a slot for as long as it is open; one over the limit gets no slot.
/// </summary>
internal sealed class WebSocketConnectionLimits(IOptions<GraphQLWebSocketOptions> options, IConnectionSlots slots)
{
    /// <summary>A slot for one more socket from <paramref name="address"/>, or null when it holds its maximum.</summary>
    public ValueTask<IDisposable?> TryAcquireAddressAsync(IPAddress? address, CancellationToken cancellationToken)
    {
        var key = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return slots.TryAcquireAsync("address:" + key, options.Value.MaxConnectionsPerAddress, cancellationToken);
    }

    /// <summary>A slot for one more signed-in socket of <paramref name="userId"/>, or null when the user holds the maximum.</summary>
    public ValueTask<IDisposable?> TryAcquireUserAsync(string userId, CancellationToken cancellationToken) =>
        slots.TryAcquireAsync("user:" + userId, options.Value.MaxConnectionsPerUser, cancellationToken);
}
