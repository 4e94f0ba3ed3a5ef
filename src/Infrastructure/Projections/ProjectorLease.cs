using CodeScan.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// Only one node projects at a time: projections read a view, then write it, and two projectors
/// interleaving could write an older view over a newer one. The others stand by and take over when the
/// holder stops renewing.
/// </summary>
public interface IProjectorLease
{
    /// <summary>True while this node holds the lease; acquires it when free, renews it when held.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    Task ReleaseAsync(CancellationToken cancellationToken);
}

/// <summary>Embedded mode has one process and its own in-memory read store: the lease is always ours.</summary>
internal sealed class SingleNodeProjectorLease : IProjectorLease
{
    public Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A Redis key with a time to live, set only if free and renewed only by its holder.</summary>
internal sealed class RedisProjectorLease(IConnectionMultiplexer redis, RedisKeys keys) : IProjectorLease
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);

    private const string AcquireScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        if holder then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            AcquireScript, [keys.ProjectorLease], [_holder, (long)TimeToLive.TotalMilliseconds]);
        return (long)result == 1;
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [keys.ProjectorLease], [_holder]);
}
