using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// The read-model generations of a deployment in Redis: which one is live (a pointer beside the projector
/// lease), a new number for a rebuild, the switch, and the deletion of a retired generation's keys.
/// </summary>
public sealed partial class ReadModelGenerations(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>The token is taken like a lease holder's (<see cref="ProjectorFence.NextToken"/>); the new generation's fence starts at it.</summary>
    private const string AllocateScript = ProjectorFence.NextToken + """
        local live = tonumber(redis.call('GET', KEYS[1]) or '0')
        local next = redis.call('INCR', KEYS[2])
        if next <= live then
          next = live + 1
          redis.call('SET', KEYS[2], next)
        end
        return {live, next, next_token(KEYS[3])}
        """;

    /// <summary>Raises a fence to a token (a separate script: the allocation could not name the new generation's fence in KEYS).</summary>
    private const string RaiseScript = """
        if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], ARGV[1])
        end
        """;

    /// <summary>Moves the pointer only for the lease's holder and only from the generation it replaces.</summary>
    private const string SwitchScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return -1
        end
        if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[2]) then
          return -2
        end
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('PUBLISH', ARGV[4], ARGV[3])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<long> GetLiveAsync()
    {
        var value = await Db.StringGetAsync(keys.LiveGeneration);
        return value.HasValue ? (long)value : 0;
    }

    /// <summary>The position up to which a generation's read models have applied the log.</summary>
    public async Task<long> GetCheckpointAsync(long generation)
    {
        var value = await Db.StringGetAsync(keys.CheckpointOf(generation));
        return value.HasValue ? (long)value : 0;
    }

    /// <summary>Answers, or says plainly that Redis does not.</summary>
    public async Task PingAsync()
    {
        try
        {
            await Db.PingAsync();
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // The client's message goes on with pages of connection diagnostics after its first clause.
            var reason = ex.Message.Split(" - ", 2)[0];
            throw new InvalidOperationException($"Redis is unreachable ({redis.Configuration}): {reason}", ex);
        }
    }

    /// <summary>The live generation, a new one never handed out before, and the fencing token to build it with.</summary>
    public async Task<(long Live, long Next, long Token)> AllocateAsync()
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(AllocateScript, [keys.LiveGeneration, keys.GenerationCounter, keys.FenceTokens]))!;
        var (live, next, token) = ((long)result[0], (long)result[1], (long)result[2]);
        await Db.ScriptEvaluateAsync(RaiseScript, [keys.FenceOf(next)], [token]);
        return (live, next, token);
    }

    /// <summary>Makes <paramref name="next"/> live and announces it, if the lease is <paramref name="holder"/>'s and <paramref name="live"/> still is.</summary>
    public async Task SwitchAsync(long live, long next, string holder)
    {
        var result = (long)await Db.ScriptEvaluateAsync(
            SwitchScript, [keys.ProjectorLease, keys.LiveGeneration], [holder, live, next, keys.GenerationChannel.ToString()]);
        if (result != 1)
        {
            throw new InvalidOperationException(result == -1
                ? "The projector lease was lost before the switch (the rebuild stalled longer than the lease lives); the live read models are unchanged."
                : $"Generation {live} is no longer live (another rebuild switched first); the live read models are unchanged.");
        }
    }

    /// <summary>
    /// Deletes every read-model key of <paramref name="generation"/> (SCAN, never KEYS), on every primary of a cluster,
    /// one key at a time (each to its own slot), and its checkpoint.
    /// </summary>
    public async Task<long> DeleteAsync(long generation)
    {
        var prefix = keys.PrefixOf(generation);
        var deleted = await Db.KeyDeleteAsync(keys.CheckpointOf(generation)) ? 1L : 0L;
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            foreach (var pattern in new[] { Glob(prefix) + "*", "{" + Glob(prefix) + "*" })
            {
                var doomed = new List<Task<bool>>();
                await foreach (var key in server.KeysAsync(Db.Database, pattern, pageSize: 1000))
                {
                    if (generation != 0 || BelongsToGenerationZero(key.ToString()))
                    {
                        doomed.Add(Db.KeyDeleteAsync(key));
                    }
                }

                deleted += (await Task.WhenAll(doomed)).Count(d => d);
            }
        }

        return deleted;
    }

    /// <summary>Generation 0's keys sit directly under the root, beside the other generations, the lease's keys and the shared keys.</summary>
    private bool BelongsToGenerationZero(string key)
    {
        var name = key.StartsWith('{') ? key[1..] : key;
        return name.StartsWith(keys.Root, StringComparison.Ordinal)
            && !name.StartsWith(keys.Root + "projector:lease", StringComparison.Ordinal)
            && !name.StartsWith(keys.Root + RedisKeys.SharedNamespace, StringComparison.Ordinal)
            && !GenerationInfix().IsMatch(name.AsSpan(keys.Root.Length));
    }

    private static string Glob(string text) => GlobSpecial().Replace(text, @"\$0");

    [GeneratedRegex(@"^g[0-9]+:")]
    private static partial Regex GenerationInfix();

    [GeneratedRegex(@"[*?\[\]\\]")]
    private static partial Regex GlobSpecial();
}
