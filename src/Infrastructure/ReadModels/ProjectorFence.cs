using System.Collections.Concurrent;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// The fencing token of this process's projector, and the one way its read-model writes reach Redis. Every
/// acquisition of the projector lease takes a new, higher token (one counter for the deployment) and raises the
/// live generation's fence to it; a rebuild takes one for the generation it builds. Each write is a script that
/// first compares the writer's token with its generation's fence: an older token is refused (<see cref="Error"/>),
/// a newer one raises the fence. So a projector that paused past its lease and wakes up cannot write a view
/// computed before the new holder's work over that work: from the new holder's acquisition on, every write it
/// sends is refused by Redis itself, whatever it believes about its lease.
/// On Redis Cluster a script's keys must share a slot, so a write's fence is the one in its own slot
/// (<see cref="RedisKeys.SlotFenceOf"/>), raised lazily: the first write of a newer token to a slot raises that slot's
/// fence, and from then on the slot refuses older tokens. The generation's own fence, which the lease script raises,
/// guards the checkpoint (beside the lease), so a stale holder can no longer move it (docs/decisions/0021).
/// </summary>
public sealed class ProjectorFence(RedisKeys keys)
{
    /// <summary>The error every refused write carries (a <see cref="RedisServerException"/> message starts with it).</summary>
    public const string Error = "FENCED";

    /// <summary>
    /// Runs before the write itself: takes the token and the fence key off the end of ARGV and KEYS (so the write
    /// sees its own arguments only) and refuses an older token.
    /// </summary>
    private const string Check = """
        local fence_token = tonumber(table.remove(ARGV))
        local fence_key = table.remove(KEYS)
        local fence_seen = tonumber(redis.call('GET', fence_key) or '0')
        if fence_token < fence_seen then
          return redis.error_reply('FENCED: projector token ' .. fence_token .. ' is older than ' .. fence_seen)
        end
        if fence_token > fence_seen then
          redis.call('SET', fence_key, fence_token)
        end

        """;

    private const string SetScript = "redis.call('SET', KEYS[1], ARGV[1])";

    private static readonly ConcurrentDictionary<string, string> FencedScripts = new();

    private long _token;

    /// <summary>0 until a connected server has said whether it is a cluster node; then 1 (one Redis) or 2 (a cluster).</summary>
    private int _topology;

    /// <summary>The token this process writes with; 0 before it has taken one (refused once any projector has).</summary>
    public long Token => Interlocked.Read(ref _token);

    /// <summary>Writes from now on carry <paramref name="token"/> (from the lease script or a rebuild's allocation).</summary>
    public void Use(long token) => Interlocked.Exchange(ref _token, token);

    /// <summary>Runs <paramref name="script"/> (KEYS and ARGV as given) only if this process's token is not older than the fence.</summary>
    public Task<RedisResult> EvaluateAsync(IDatabase db, string script, RedisKey[] scriptKeys, RedisValue[] arguments) =>
        db.ScriptEvaluateAsync(
            FencedScripts.GetOrAdd(script, static s => Check + s),
            [.. scriptKeys, OnCluster(db) ? RedisKeys.SlotFenceOf(scriptKeys[0], keys.Generation) : keys.FenceOf(keys.Generation)],
            [.. arguments, Token]);

    /// <summary>A fenced SET of one string key.</summary>
    public Task SetAsync(IDatabase db, RedisKey key, RedisValue value) => EvaluateAsync(db, SetScript, [key], [value]);

    private bool OnCluster(IDatabase db)
    {
        if (Volatile.Read(ref _topology) == 0 && db.Multiplexer.GetServers().FirstOrDefault(s => s.IsConnected) is { } server)
        {
            Volatile.Write(ref _topology, server.ServerType == ServerType.Cluster ? 2 : 1);
        }

        return Volatile.Read(ref _topology) == 2;
    }

    /// <summary>True for the error a fenced write is refused with.</summary>
    public static bool Refused(Exception exception) =>
        exception is RedisServerException { Message: var message } && message.StartsWith(Error, StringComparison.Ordinal);
}
