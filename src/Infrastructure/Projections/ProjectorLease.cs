using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// A Redis key with a time to live, set only if free and renewed only by its holder. A rebuild that wants the lease
/// (to swap generations) sets the handover key: the holder then gives the lease up at its next batch, and nobody
/// else takes it meanwhile. Every answer carries the live read-model generation, read in the same script, so a
/// projector starts each batch on the generation that is live when it holds the lease — never on one a rebuild
/// has retired (the rebuild swaps while it holds the lease). Each new holder also takes a fencing token
/// (<see cref="ProjectorFence"/>), so a holder that lost the lease without knowing it can no longer write.
/// The holder renews at most every <see cref="RenewInterval"/>, not before every batch: under load a batch follows
/// every commit, and a round trip each would cost the payment's alert. It still renews well inside the time to live,
/// and the fence, not this belief, keeps a holder that lost the lease from writing.
/// </summary>
internal sealed class RedisProjectorLease(
    IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence, IOptions<ProjectorOptions> options, TimeProvider clock) : IProjectorLease
{
    private readonly Lock _gate = new();
    private long _renewedAt;
    private long _term;
    private long _terms;
    private long _token;
    private bool _watching;

    /// <summary>The live generation at the last answer: the lease script raises its fence.</summary>
    private long _live = keys.Generation;

    /// <summary>
    /// KEYS: lease, handover, live generation, token counter, holder's token, the fence of the generation believed live.
    /// ARGV: holder, time to live, the generation believed live, 1 if the asker follows the live generation (0 for a
    /// rebuild, which believes in the one it builds), the generation channel. Answers {held, live generation, token}; a
    /// new holder takes the next token and raises the live generation's fence to it. Every key is named in KEYS (Redis
    /// Cluster checks their slot), so a new holder that believed in another generation is answered {2, live generation, 0}
    /// and asks again with that generation's fence. A new holder's token is the next (<see cref="ProjectorFence.NextToken"/>).
    /// A node only ever learns a generation once it is live, and the pointer only moves forward, so a node that believes
    /// in a later one than the pointer says proves Redis lost the pointer (it came back empty or older): the pointer is
    /// put back, and announced, rather than followed back to a generation no node reads any more (ADR 0020).
    /// </summary>
    private const string AcquireScript = ProjectorFence.NextToken + """
        local generation = tonumber(redis.call('GET', KEYS[3]) or '0')
        if ARGV[4] == '1' and tonumber(ARGV[3]) > generation then
          generation = tonumber(ARGV[3])
          redis.call('SET', KEYS[3], ARGV[3])
          redis.call('PUBLISH', ARGV[5], ARGV[3])
        end
        local holder = redis.call('GET', KEYS[1])
        local handover = redis.call('GET', KEYS[2])
        if handover and handover ~= ARGV[1] then
          if holder == ARGV[1] then
            redis.call('DEL', KEYS[1], KEYS[5])
          end
          return {0, generation, 0}
        end
        if holder == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          redis.call('PEXPIRE', KEYS[5], ARGV[2])
          return {1, generation, tonumber(redis.call('GET', KEYS[5]) or '0')}
        end
        if holder then
          return {0, generation, 0}
        end
        if generation ~= tonumber(ARGV[3]) then
          return {2, generation, 0}
        end
        local token = next_token(KEYS[4])
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('SET', KEYS[5], string.format('%d', token), 'PX', ARGV[2])
        local fence = KEYS[6]
        if tonumber(redis.call('GET', fence) or '0') < token then
          redis.call('SET', fence, string.format('%d', token))
        end
        return {1, generation, token}
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[2]) == ARGV[1] then
          redis.call('DEL', KEYS[2])
        end
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1], KEYS[3])
        end
        return 0
        """;

    /// <summary>Who holds the lease: this process, or a rebuild's own lease in its process.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>A sixth of the time to live, and no longer than a poll interval (zero: ask every time).</summary>
    public TimeSpan RenewInterval => TimeSpan.FromTicks(Math.Min(options.Value.LeaseTimeToLive.Ticks / 6, options.Value.PollInterval.Ticks));

    public bool Held => HeldWithin(options.Value.LeaseTimeToLive);

    public long Term
    {
        get
        {
            lock (_gate)
            {
                return _term;
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _term = 0;
        }
    }

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (HeldWithin(RenewInterval))
        {
            return true;
        }

        WatchConnection();
        var asked = clock.GetTimestamp();
        var result = await AskAsync(_live);
        if ((long)result[0] == 2)
        {
            result = await AskAsync((long)result[1]);
        }

        _live = (long)result[1];
        if ((long)result[0] != 1)
        {
            Forget();
            return false;
        }

        // Between batches (the projector asks before each): switching here never splits a batch across generations.
        // A rebuild's keys are pinned to the generation it builds (Use changes nothing), whose fence its token passes too.
        keys.Use((long)result[1]);
        fence.Use((long)result[2]);
        lock (_gate)
        {
            _renewedAt = asked;
            if (_term == 0 || _token != (long)result[2])
            {
                (_term, _token) = (++_terms, (long)result[2]);
            }
        }

        return true;
    }

    /// <summary>
    /// A Redis that went away may come back with older data (restored from a snapshot, or an AOF short of its last
    /// second), the checkpoint included: a lost connection ends the term, so the checkpoint is read again.
    /// </summary>
    private void WatchConnection()
    {
        lock (_gate)
        {
            if (_watching)
            {
                return;
            }

            _watching = true;
        }

        redis.ConnectionFailed += (_, _) => Forget();
        redis.ConnectionRestored += (_, _) => Forget();
    }

    private async Task<RedisResult[]> AskAsync(long live) =>
        (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            AcquireScript,
            [keys.ProjectorLease, keys.LeaseHandover, keys.LiveGeneration, keys.FenceTokens, keys.LeaseToken, keys.FenceOf(live)],
            [Holder, (long)options.Value.LeaseTimeToLive.TotalMilliseconds, live, keys.Pinned ? 0 : 1, keys.GenerationChannel.ToString()]))!;

    /// <summary>Held at the last answer, asked for less than <paramref name="age"/> ago.</summary>
    private bool HeldWithin(TimeSpan age)
    {
        lock (_gate)
        {
            return _term != 0 && clock.GetElapsedTime(_renewedAt) < age;
        }
    }

    /// <summary>Asks the holder to give the lease up at its next batch and keeps everyone else off it, for a while.</summary>
    public Task RequestHandoverAsync(TimeSpan timeToLive) =>
        redis.GetDatabase().StringSetAsync(keys.LeaseHandover, Holder, timeToLive);

    public Task ReleaseAsync(CancellationToken cancellationToken)
    {
        Forget();
        return redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [keys.ProjectorLease, keys.LeaseHandover, keys.LeaseToken], [Holder]);
    }
}
