using CodeScan.Application.Analytics;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production performance rollups: a hash per rollup, scope and day, its fields the counters and the position of
/// the last event it took. One script adds an event's counters and moves the position, so a replayed event is
/// refused by Redis itself; a report reads its days in one pipelined go. Templates and products are one hash per
/// merchant.
/// </summary>
internal sealed class RedisPerformanceStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : IPerformanceStore
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

    private const string PutItemScript = "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])";

    private IDatabase Db => redis.GetDatabase();

    public Task AddAsync(PerformanceRollup rollup, Guid scopeId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var arguments = new RedisValue[1 + (2 * counters.Count)];
        arguments[0] = position;
        var i = 1;
        foreach (var (name, value) in counters)
        {
            arguments[i++] = name;
            arguments[i++] = value;
        }

        return fence.EvaluateAsync(Db, AddScript, [keys.PerformanceDay(rollup, scopeId, day)], arguments);
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(PerformanceRollup rollup, Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var reads = new List<Task<HashEntry[]>>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            reads.Add(Db.HashGetAllAsync(keys.PerformanceDay(rollup, scopeId, day)));
        }

        await Task.WhenAll(reads);
        return reads.Select(r => (IReadOnlyDictionary<string, long>)r.Result
            .Where(e => e.Name != PositionField)
            .ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal)).ToList();
    }

    public Task PutItemAsync(Guid merchantId, PerformanceItem item, CancellationToken cancellationToken) =>
        fence.EvaluateAsync(Db, PutItemScript, [keys.PerformanceItems(merchantId)], [item.ItemId.ToString("N"), $"{item.Kind}|{item.Name}"]);

    public async Task<IReadOnlyList<PerformanceItem>> GetItemsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(keys.PerformanceItems(merchantId));
        return [.. entries.Select(e =>
        {
            var value = e.Value.ToString();
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            return new PerformanceItem(Guid.ParseExact(e.Name.ToString(), "N"), Enum.Parse<PerformanceItemKind>(value[..bar]), value[(bar + 1)..]);
        })];
    }
}
