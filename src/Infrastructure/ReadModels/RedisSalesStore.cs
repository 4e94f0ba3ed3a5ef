using CodeScan.Application.Analytics;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production sales rollups: a hash per merchant and local day, its fields the day's counters and the
/// position of the last event it took. One script adds an event's counters and moves the position, so a
/// replayed event is refused by Redis itself; a report reads its days in one pipelined go.
/// </summary>
internal sealed class RedisSalesStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : ISalesStore
{
    private const string PositionField = "@position";

    private const string AddScript = """
        local last = tonumber(redis.call('HGET', KEYS[1], '@position') or '0')
        if tonumber(ARGV[1]) <= last then
          return 0
        end
        for i = 2, #ARGV, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('HSET', KEYS[1], '@position', ARGV[1])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var arguments = new RedisValue[1 + (2 * counters.Count)];
        arguments[0] = position;
        var i = 1;
        foreach (var (name, value) in counters)
        {
            arguments[i++] = name;
            arguments[i++] = value;
        }

        return fence.EvaluateAsync(Db, AddScript, [keys.SalesDay(merchantId, day)], arguments);
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var reads = new List<Task<HashEntry[]>>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            reads.Add(Db.HashGetAllAsync(keys.SalesDay(merchantId, day)));
        }

        await Task.WhenAll(reads);
        return reads.Select(r => (IReadOnlyDictionary<string, long>)r.Result
            .Where(e => e.Name != PositionField)
            .ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal)).ToList();
    }
}
