using System.Collections.Concurrent;
using CodeScan.Application.Common.Security;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Fixed windows per key, each starting at the key's first call, in this process. With several API nodes
/// each node counts on its own, so the effective limit is at most nodes × the configured one: a bound on
/// abuse, not an exact quota.
/// </summary>
internal sealed class FixedWindowRateLimiter(TimeProvider clock) : IRateLimiter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public bool TryAcquire(string key, int permits, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > 100_000)
        {
            foreach (var stale in _windows.Where(w => now - w.Value.Start >= window).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        var current = _windows.AddOrUpdate(
            key,
            _ => new Window(now, 1),
            (_, w) => now - w.Start < window ? w with { Count = w.Count + 1 } : new Window(now, 1));
        return current.Count <= permits;
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
