using System.Globalization;
using CodeScan.Application.Analytics;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production liability read model: a hash of counters per scope and local day, with the position of the
/// last event it took, and a sorted set of the scope's days (scored by day number) so a report as of a day
/// reads exactly the days up to it, in one pipelined go. One script adds a batch's counters to a scope, moves
/// each day's position and indexes the day; the day and its index share the scope's hash tag (one slot on Redis Cluster).
/// Wallet lots and instruments are JSON strings.
/// </summary>
internal sealed class RedisLiabilityStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : ILiabilityStore
{
    private const string PositionField = "@position";

    /// <summary>
    /// KEYS[1] is the scope's day index, KEYS[2..] its days; ARGV, for each addition in position order: the index of
    /// its day's key, the day number, the position, the number of counters, then the counters' names and values. A day
    /// takes an addition only past the last position it took; what its additions add to a counter is summed first
    /// (<see cref="RedisScripts.SumInto"/>) and written with one HINCRBY, and its position and index entry once.
    /// </summary>
    private const string AddScript = RedisScripts.SumInto + """
        local last, taken, days, sums = {}, {}, {}, {}
        local i = 1
        while i <= #ARGV do
          local k = tonumber(ARGV[i])
          local n = tonumber(ARGV[i + 3])
          if last[k] == nil then
            last[k] = tonumber(redis.call('HGET', KEYS[k], '@position') or '0')
            sums[k] = {}
          end
          if tonumber(ARGV[i + 2]) > last[k] then
            for j = i + 4, i + 3 + 2 * n, 2 do
              sum_into(sums[k], KEYS[k], ARGV[j], ARGV[j + 1])
            end
            last[k] = tonumber(ARGV[i + 2])
            taken[k] = ARGV[i + 2]
            days[k] = ARGV[i + 1]
          end
          i = i + 4 + 2 * n
        end
        for k, position in pairs(taken) do
          write_sums(sums[k], KEYS[k])
          redis.call('HSET', KEYS[k], '@position', position)
          redis.call('ZADD', KEYS[1], days[k], days[k])
        end
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public Task AddAsync(Guid scope, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken) =>
        AddAsync(scope, [new LiabilityAddition(day, position, counters)], cancellationToken);

    public Task AddAsync(Guid scope, IReadOnlyList<LiabilityAddition> additions, CancellationToken cancellationToken)
    {
        var keyOf = new Dictionary<DateOnly, int>();
        var scriptKeys = new List<RedisKey> { keys.LiabilityDays(scope) };
        var arguments = new List<RedisValue>();
        foreach (var (day, position, counters) in additions)
        {
            if (!keyOf.TryGetValue(day, out var index))
            {
                scriptKeys.Add(keys.LiabilityDay(scope, day));
                index = keyOf[day] = scriptKeys.Count;
            }

            arguments.AddRange([index, day.DayNumber, position, counters.Count]);
            foreach (var (name, value) in counters)
            {
                arguments.AddRange([name, value]);
            }
        }

        return fence.EvaluateAsync(Db, AddScript, [.. scriptKeys], [.. arguments]);
    }

    public async Task<IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Counters)>> GetDaysAsync(Guid scope, DateOnly through, CancellationToken cancellationToken)
    {
        var members = await Db.SortedSetRangeByScoreAsync(keys.LiabilityDays(scope), double.NegativeInfinity, through.DayNumber);
        var days = members.Select(m => DateOnly.FromDayNumber(int.Parse(m.ToString(), CultureInfo.InvariantCulture))).ToList();
        var reads = days.Select(day => Db.HashGetAllAsync(keys.LiabilityDay(scope, day))).ToList();
        await Task.WhenAll(reads);
        return [.. days.Select((day, i) => (day, (IReadOnlyDictionary<string, long>)reads[i].Result
            .Where(e => e.Name != PositionField)
            .ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal)))];
    }

    public async Task<WalletLots?> GetLotsAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
        ReadModelJson.Read<WalletLots>(await Db.StringGetAsync(keys.LiabilityLots(merchantId, customerId)));

    public Task PutLotsAsync(WalletLots lots, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.LiabilityLots(lots.MerchantId, lots.CustomerId), ReadModelJson.Write(lots));

    public async Task<HeldInstrument?> GetInstrumentAsync(Guid instrumentId, CancellationToken cancellationToken) =>
        ReadModelJson.Read<HeldInstrument>(await Db.StringGetAsync(keys.LiabilityInstrument(instrumentId)));

    public Task PutInstrumentAsync(HeldInstrument instrument, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.LiabilityInstrument(instrument.Id), ReadModelJson.Write(instrument));
}
