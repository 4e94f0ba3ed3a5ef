using System.Collections.Concurrent;
using CodeScan.Application.Common.Security;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Connection slots counted in this process: the count of embedded mode (one node), and
/// <see cref="RedisConnectionSlots"/>'s stand-in while Redis is away. Memory only, so refusing costs next to nothing.
/// </summary>
internal sealed class LocalConnectionSlots : IConnectionSlots
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public ValueTask<IDisposable?> TryAcquireAsync(string key, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(key, limit));

    public IDisposable? TryAcquire(string key, int limit)
    {
        while (true)
        {
            var current = _open.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return null;
            }

            if (_open.TryUpdate(key, current + 1, current))
            {
                return new Slot(() => Release(key));
            }
        }
    }

    private void Release(string key)
    {
        while (_open.TryGetValue(key, out var current))
        {
            // The last slot removes the key, so addresses and users that left leave nothing behind.
            var released = current <= 1
                ? _open.TryRemove(new KeyValuePair<string, int>(key, current))
                : _open.TryUpdate(key, current - 1, current);
            if (released)
            {
                return;
            }
        }
    }

    /// <summary>Runs its release once, however often it is disposed.</summary>
    internal sealed class Slot(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
