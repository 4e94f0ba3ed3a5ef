using CodeScan.Application.Common.Security;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// The same fixed windows as <see cref="FixedWindowRateLimiter"/>, counted in Redis so every API node shares
/// them: a customer alternating between nodes gets the configured permits, not nodes × them. One script reads,
/// resets and counts a key's window atomically. The time comes from this node's <see cref="TimeProvider"/>
/// (so tests move windows on with a fake clock), not from Redis; the key's time to live only cleans up.
/// </summary>
/// <remarks>
/// Payments do not depend on Redis: while it is away (or slow past <see cref="Budget"/>) the node counts in
/// memory on its own, a per-node bound, and goes back to the shared count once Redis answers again.
/// </remarks>
internal sealed class RedisRateLimiter(
    IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock, ILogger<RedisRateLimiter> logger) : IRateLimiter
{
    /// <summary>How long a request waits for Redis's count before it counts in memory instead (real time: it bounds Redis, not a window).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);

    /// <summary>KEYS[1] the window; ARGV now (ms), window (ms). Returns the calls counted in the current window.</summary>
    private const string CountScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local start = tonumber(redis.call('HGET', KEYS[1], 'start'))
        if not start or now - start >= window or now < start - window then
          redis.call('HSET', KEYS[1], 'start', ARGV[1], 'count', 1)
          redis.call('PEXPIRE', KEYS[1], window)
          return 1
        end
        return redis.call('HINCRBY', KEYS[1], 'count', 1)
        """;

    private readonly FixedWindowRateLimiter _local = new(clock);
    private int _degraded;

    public async ValueTask<bool> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return CountLocally(key, permits, window, null);
        }

        try
        {
            var counted = await redis.GetDatabase()
                .ScriptEvaluateAsync(CountScript, [keys.RateLimit(key)], [clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds])
                .WaitAsync(Budget, cancellationToken);
            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                logger.LogInformation("Rate limits are counted in Redis again, across nodes");
            }

            return (long)counted <= permits;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return CountLocally(key, permits, window, ex);
        }
    }

    private bool CountLocally(string key, int permits, TimeSpan window, Exception? cause)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            logger.LogWarning(cause, "Redis does not answer: rate limits are counted on this node alone until it does");
        }

        return _local.TryAcquire(key, permits, window);
    }
}
