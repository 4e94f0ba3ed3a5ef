using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// Counts this node's open sockets per client address and per user. A socket takes a slot for as long as it
/// is open; one over the limit gets no slot. Memory only, so refusing costs next to nothing.
/// </summary>
internal sealed class WebSocketConnectionLimits(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>A slot for one more socket from <paramref name="address"/>, or null when it holds its maximum.</summary>
    public IDisposable? TryAcquireAddress(IPAddress? address)
    {
        var key = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return TryAcquire("address:" + key, options.Value.MaxConnectionsPerAddress);
    }

    /// <summary>A slot for one more signed-in socket of <paramref name="userId"/>, or null when the user holds the maximum.</summary>
    public IDisposable? TryAcquireUser(string userId) => TryAcquire("user:" + userId, options.Value.MaxConnectionsPerUser);

    private Slot? TryAcquire(string key, int max)
    {
        while (true)
        {
            var current = open.GetOrAdd(key, 0);
            if (current >= max)
            {
                return null;
            }

            if (open.TryUpdate(key, current + 1, current))
            {
                return new Slot(this, key);
            }
        }
    }

    private void Release(string key)
    {
        while (open.TryGetValue(key, out var current))
        {
            // The last slot removes the key, so addresses and users that left leave nothing behind.
            var released = current <= 1
                ? open.TryRemove(new KeyValuePair<string, int>(key, current))
                : open.TryUpdate(key, current - 1, current);
            if (released)
            {
                return;
            }
        }
    }

    private sealed class Slot(WebSocketConnectionLimits owner, string key) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(key);
            }
        }
    }
}
