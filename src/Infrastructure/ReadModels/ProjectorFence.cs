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
    /// A Lua function for the scripts that hand a token out (the lease, a rebuild's allocation): the next number of
    /// the counter, but never below Redis's clock in microseconds (exact in Lua's doubles until the 2250s), stored
    /// back. A Redis that restarted empty starts its counter again from nothing; the clock does not, so a new holder's
    /// token is still above every token from before the restart, and a holder from before cannot pass the new fence
    /// (microseconds, not milliseconds: two acquisitions in one millisecond around a loss would tie).
    /// </summary>
    internal const string NextToken = """
        local function next_token(counter)
          local now = redis.call('TIME')
          local token = math.max(redis.call('INCR', counter), now[1] * 1000000 + now[2])
          redis.call('SET', counter, string.format('%d', token))
          return token
        end

        """;

    /// <summary>
    /// Runs before the write itself: takes the token and the fence key off the end of ARGV and KEYS (so the write
    /// sees its own arguments only) and refuses an older token. The generation's own fence (<see cref="RedisKeys.FenceOf"/>)
    /// is raised by the lease script, so if it is missing the generation lost its data (Redis restarted empty): the
    /// write is refused rather than fencing it anew with whatever token it carries, so the holder takes the lease
    /// again (which raises the fence) and finds the checkpoint gone: it projects from zero. A slot's fence on a cluster
    /// is raised by writes only (<see cref="Lazy"/>): missing, it is raised to the writer's token.
    /// </summary>
    private static string Check(bool lazy) => $$"""
        local fence_token = tonumber(table.remove(ARGV))
        local fence_key = table.remove(KEYS)
        local fence_raw = redis.call('GET', fence_key)
        if not fence_raw then
          if {{(lazy ? "false" : "true")}} then
            return redis.error_reply('FENCED: no fence for this generation (Redis lost its data); take the lease again first')
          end
          fence_raw = '0'
        end
        local fence_seen = tonumber(fence_raw)
        if fence_token < fence_seen then
          return redis.error_reply('FENCED: projector token ' .. fence_token .. ' is older than ' .. fence_seen)
        end
        if fence_token > fence_seen then
          redis.call('SET', fence_key, fence_token)
        end

        """;

    /// <summary>The check in front of writes whose fence is a cluster slot's, raised lazily by the writes themselves.</summary>
    private static readonly string Lazy = Check(lazy: true);

    private static readonly string Strict = Check(lazy: false);

    private const string SetScript = "redis.call('SET', KEYS[1], ARGV[1])";

    private static readonly ConcurrentDictionary<(string Script, bool Lazy), string> FencedScripts = new();

    private long _token;

    /// <summary>0 until a connected server has said whether it is a cluster node; then 1 (one Redis) or 2 (a cluster).</summary>
    private int _topology;

    /// <summary>The token this process writes with; 0 before it has taken one (refused once any projector has).</summary>
    public long Token => Interlocked.Read(ref _token);

    /// <summary>Writes from now on carry <paramref name="token"/> (from the lease script or a rebuild's allocation).</summary>
    public void Use(long token) => Interlocked.Exchange(ref _token, token);

    /// <summary>Runs <paramref name="script"/> (KEYS and ARGV as given) only if this process's token is not older than the fence.</summary>
    public Task<RedisResult> EvaluateAsync(IDatabase db, string script, RedisKey[] scriptKeys, RedisValue[] arguments)
    {
        var generationFence = keys.FenceOf(keys.Generation);
        var fenceKey = OnCluster(db) ? RedisKeys.SlotFenceOf(scriptKeys[0], keys.Generation) : generationFence;
        var lazy = fenceKey != generationFence;
        return db.ScriptEvaluateAsync(
            FencedScripts.GetOrAdd((script, lazy), static s => (s.Lazy ? Lazy : Strict) + s.Script), [.. scriptKeys, fenceKey], [.. arguments, Token]);
    }

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
