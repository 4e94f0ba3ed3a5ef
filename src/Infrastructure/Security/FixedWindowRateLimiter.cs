using System.Collections.Concurrent;
using CodeScan.Application.Common.Security;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Fixed windows per key, each starting at the key's first call, in this process: the limiter of embedded mode
/// (one node), and <see cref="RedisRateLimiter"/>'s stand-in while Redis is away. Windows that ended are swept at
/// most once a minute.
/// </summary>
internal sealed class FixedWindowRateLimiter(TimeProvider clock) : IRateLimiter
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _nextSweepTicks;

    public ValueTask<bool> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(key, permits, window));

    public bool TryAcquire(string key, int permits, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        Sweep(now, window);
        var current = _windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, w) => now - w.Start < window ? w with { Count = w.Count + 1 } : new Window(now, 1));
        return current.Count <= permits;
    }

    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var entry in _windows)
        {
            if (now - entry.Value.Start >= window)
            {
                // Removes only the window seen here: one a concurrent call has just reset stays.
                _windows.TryRemove(entry);
            }
        }
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
