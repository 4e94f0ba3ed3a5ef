using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production revocation read model: a sorted set of session ids scored by the time (Unix ms) their access
/// tokens have all expired, trimmed of the past on every write, and a version key holding the event-log
/// position last applied, which doubles as the replay check and as what nodes poll.
/// </summary>
internal sealed class RedisSessionRevocationStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence, TimeProvider clock) : ISessionRevocationStore
{
    private const string AddScript = """
        local last = tonumber(redis.call('GET', KEYS[2]) or '0')
        if last >= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('SET', KEYS[2], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
        if tonumber(ARGV[3]) <= tonumber(ARGV[4]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], 'GT', ARGV[3], ARGV[2])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> AddAsync(RevokedSession session, long position, CancellationToken cancellationToken)
    {
        var result = await fence.EvaluateAsync(
            Db,
            AddScript,
            [keys.RevokedSessions, keys.RevokedSessionsVersion],
            [position, session.SessionId.ToString("N"), session.NotAfter.ToUnixTimeMilliseconds(), clock.GetUtcNow().ToUnixTimeMilliseconds()]);
        return (long)result == 1;
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync(keys.RevokedSessionsVersion);
        return value.HasValue ? (long)value : 0;
    }

    public async Task<IReadOnlyList<RevokedSession>> GetActiveAsync(CancellationToken cancellationToken)
    {
        var entries = await Db.SortedSetRangeByScoreWithScoresAsync(
            keys.RevokedSessions, clock.GetUtcNow().ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.Start);
        return entries.Select(e => new RevokedSession(Guid.ParseExact(e.Element.ToString(), "N"), DateTimeOffset.FromUnixTimeMilliseconds((long)e.Score))).ToList();
    }
}
