using System.Collections.Concurrent;
using CodeScan.Application.Common.Security;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Connection slots shared by every API node: a sorted set per key (<see cref="RedisKeys.ConnectionSlots"/>) with one
/// member per open connection ("{node}:{n}"), scored by when it expires. One script sweeps the expired members,
/// counts and adds; closing removes the member; <see cref="ConnectionSlotHeartbeat"/> renews this node's members every
/// <see cref="Heartbeat"/>, so a node that died leaves slots that free themselves after <see cref="Expiry"/>.
/// Times come from this node's <see cref="TimeProvider"/> (tests move them with a fake clock); the key's time to
/// live only cleans up after users that left.
/// </summary>
/// <remarks>
/// While Redis is away (or slower than <see cref="Budget"/>) the node counts in memory on its own, a per-node bound,
/// as <see cref="RedisRateLimiter"/> does, and goes back to the shared count once Redis answers again.
/// </remarks>
internal sealed class RedisConnectionSlots(
    IConnectionMultiplexer redis, RedisKeys keys, TimeProvider clock, ILogger<RedisConnectionSlots> logger) : IConnectionSlots
{
    /// <summary>How often this node renews its members.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    /// <summary>How long a member counts without being renewed: three heartbeats.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>How long an acquire waits for Redis before it counts in memory instead (real time: it bounds Redis).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);

    /// <summary>Real time after which a set nobody touched is deleted; scores, not this, decide what counts.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(10);

    /// <summary>KEYS[1] the set; ARGV now (ms), limit, expiry (ms), member, key lifetime (ms). 1 when added.</summary>
    private const string AcquireScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    private readonly LocalConnectionSlots _local = new();
    private readonly ConcurrentDictionary<long, (RedisKey Key, RedisValue Member)> _live = new();
    private long _sequence;
    private int _degraded;

    /// <summary>This process's name in the members it adds.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    public async ValueTask<IDisposable?> TryAcquireAsync(string key, int limit, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            return AcquireLocally(key, limit, null);
        }

        var id = Interlocked.Increment(ref _sequence);
        var entry = (Key: keys.ConnectionSlots(key), Member: (RedisValue)$"{Node}:{id}");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            // A timeout after the script ran leaves a member nobody renews: it frees itself after Expiry.
            var added = await redis.GetDatabase()
                .ScriptEvaluateAsync(AcquireScript, [entry.Key], [now, limit, now + (long)Expiry.TotalMilliseconds, entry.Member, (long)KeyLifetime.TotalMilliseconds])
                .WaitAsync(Budget, cancellationToken);
            Recovered();
            if ((long)added == 0)
            {
                return null;
            }

            _live[id] = entry;
            return new LocalConnectionSlots.Slot(() => Release(id));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return AcquireLocally(key, limit, ex);
        }
    }

    /// <summary>Pushes the expiry of every member this node holds on to now + <see cref="Expiry"/>.</summary>
    public async Task RenewAsync()
    {
        var expires = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)Expiry.TotalMilliseconds;
        var database = redis.GetDatabase();
        var renewals = _live.Values.GroupBy(e => e.Key).SelectMany(set => new Task[]
        {
            // Only members still there: one closed meanwhile (or swept while Redis was out of reach) stays gone.
            database.SortedSetAddAsync(set.Key, set.Select(e => new SortedSetEntry(e.Member, expires)).ToArray(), SortedSetWhen.Exists),
            database.KeyExpireAsync(set.Key, KeyLifetime),
        });
        await Task.WhenAll(renewals);
    }

    private void Release(long id)
    {
        if (!_live.TryRemove(id, out var entry))
        {
            return;
        }

        try
        {
            redis.GetDatabase().SortedSetRemove(entry.Key, entry.Member, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Not renewed any more, the member frees itself after Expiry.
        }
    }

    private IDisposable? AcquireLocally(string key, int limit, Exception? cause)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            logger.LogWarning(cause, "Redis does not answer: WebSocket connections are counted on this node alone until it does");
        }

        return _local.TryAcquire(key, limit);
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            logger.LogInformation("WebSocket connections are counted in Redis again, across nodes");
        }
    }
}
