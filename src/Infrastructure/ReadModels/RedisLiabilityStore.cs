using System.Globalization;
using CodeScan.Application.Analytics;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production liability read model: a hash of counters per scope and local day, with the position of the
/// last event it took, and a sorted set of the scope's days (scored by day number) so a report as of a day
/// reads exactly the days up to it, in one pipelined go. One script adds an event's counters, moves the
/// position and indexes the day; the day and its index share the scope's hash tag (one slot on Redis Cluster).
/// Wallet lots and instruments are JSON strings.
/// </summary>
internal sealed class RedisLiabilityStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : ILiabilityStore
{
    private const string PositionField = "@position";

    private const string AddScript = """
        local last = tonumber(redis.call('HGET', KEYS[1], '@position') or '0')
        if tonumber(ARGV[1]) <= last then
          return 0
        end
        for i = 3, #ARGV, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('HSET', KEYS[1], '@position', ARGV[1])
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[2])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public Task AddAsync(Guid scope, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var arguments = new RedisValue[2 + (2 * counters.Count)];
        arguments[0] = position;
        arguments[1] = day.DayNumber;
        var i = 2;
        foreach (var (name, value) in counters)
        {
            arguments[i++] = name;
            arguments[i++] = value;
        }

        return fence.EvaluateAsync(Db, AddScript, [keys.LiabilityDay(scope, day), keys.LiabilityDays(scope)], arguments);
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
        LiabilityJson.Read<WalletLots>(await Db.StringGetAsync(keys.LiabilityLots(merchantId, customerId)));

    public Task PutLotsAsync(WalletLots lots, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.LiabilityLots(lots.MerchantId, lots.CustomerId), LiabilityJson.Write(lots));

    public async Task<HeldInstrument?> GetInstrumentAsync(Guid instrumentId, CancellationToken cancellationToken) =>
        LiabilityJson.Read<HeldInstrument>(await Db.StringGetAsync(keys.LiabilityInstrument(instrumentId)));

    public Task PutInstrumentAsync(HeldInstrument instrument, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.LiabilityInstrument(instrument.Id), LiabilityJson.Write(instrument));
}
