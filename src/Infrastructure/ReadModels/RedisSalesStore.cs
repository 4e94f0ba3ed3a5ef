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

    /// <summary>
    /// ARGV: for each event in position order, its position, its number of counters and their names and values. An
    /// event at or below the day's last position is skipped (a replay); each other one is added and moves the position.
    /// What the events add to a counter is summed first (<see cref="RedisScripts.SumInto"/>) and written with one HINCRBY.
    /// </summary>
    private const string AddScript = RedisScripts.SumInto + """
        local last = tonumber(redis.call('HGET', KEYS[1], '@position') or '0')
        local moved_to = nil
        local sums = {}
        local i = 1
        while i <= #ARGV do
          local fields = tonumber(ARGV[i + 1])
          if tonumber(ARGV[i]) > last then
            for j = i + 2, i + 2 * fields, 2 do
              sum_into(sums, KEYS[1], ARGV[j], ARGV[j + 1])
            end
            last = tonumber(ARGV[i])
            moved_to = ARGV[i]
          end
          i = i + 2 + 2 * fields
        end
        if moved_to then
          write_sums(sums, KEYS[1])
          redis.call('HSET', KEYS[1], '@position', moved_to)
        end
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken) =>
        AddAllAsync(merchantId, day, [new SalesAddition(position, counters)], cancellationToken);

    /// <summary>One script for all of them: a batch's sales at a merchant's day cost one call, not one per event.</summary>
    public Task AddAllAsync(Guid merchantId, DateOnly day, IReadOnlyList<SalesAddition> additions, CancellationToken cancellationToken)
    {
        var arguments = new List<RedisValue>();
        foreach (var (position, counters) in additions)
        {
            arguments.Add(position);
            arguments.Add(counters.Count);
            foreach (var (name, value) in counters)
            {
                arguments.Add(name);
                arguments.Add(value);
            }
        }

        return fence.EvaluateAsync(Db, AddScript, [keys.SalesDay(merchantId, day)], [.. arguments]);
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
