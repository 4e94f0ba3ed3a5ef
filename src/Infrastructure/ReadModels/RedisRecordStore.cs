using System.Text.Json;
using System.Text.Json.Serialization;
using CodeScan.Application.Records;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production records. Per owner (customer or merchant) and kind, a sorted set scored by event-log
/// position whose members are the entries' JSON, so a page is one ZREVRANGEBYSCORE per kind asked for
/// and nothing needs KEYS or SCAN. An append is one script per owner (each owner's keys share its hash tag, one
/// Redis Cluster slot): it adds the entry to the owner's set unless an entry at that position is there already (a
/// replay) and trims the set to its history length; the customer's also remembers the wallet's balance after it (for
/// issuances, which leave it as it was). Each is replay-safe on its own, so a crash between the two is repaired by
/// the projector applying the event again.
/// </summary>
internal sealed class RedisRecordStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : IRecordStore
{
    /// <summary>How many entries of each kind each customer and each merchant keeps (the ledger keeps everything).</summary>
    public const int HistoryPerKind = 100_000;

    /// <summary>KEYS: the owner's index of the entry's kind, then (the customer's) the wallet's balance.</summary>
    private const string AppendScript = """
        if redis.call('ZCOUNT', KEYS[1], ARGV[1], ARGV[1]) == 0 then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
          redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[3]) + 1))
        end
        if KEYS[2] then
          local last = redis.call('HGET', KEYS[2], 'position')
          if not last or tonumber(last) < tonumber(ARGV[1]) then
            redis.call('HSET', KEYS[2], 'position', ARGV[1], 'principal', ARGV[4], 'bonus', ARGV[5])
          end
        end
        return 1
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        IgnoreReadOnlyProperties = true,
    };

    private IDatabase Db => redis.GetDatabase();

    public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken)
    {
        RedisValue[] arguments = [entry.Position, JsonSerializer.Serialize(entry, Json), HistoryPerKind, entry.PrincipalAfter, entry.BonusAfter];
        return Task.WhenAll(
            fence.EvaluateAsync(Db, AppendScript, [Index(RecordOwner.Customer(entry.CustomerId), entry.Kind), Balance(entry.MerchantId, entry.CustomerId)], arguments),
            fence.EvaluateAsync(Db, AppendScript, [Index(RecordOwner.Merchant(entry.MerchantId), entry.Kind)], arguments));
    }

    public async Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        var values = await Db.HashGetAsync(Balance(merchantId, customerId), ["principal", "bonus"]);
        return (values[0].HasValue ? (long)values[0] : 0, values[1].HasValue ? (long)values[1] : 0);
    }

    public Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken) =>
        RecordScan.ListAsync(filter.EffectiveKinds.Select(kind => (RecordScan.ReadBelow)((before, count) => ReadAsync(Index(owner, kind), before, count))), filter, beforePosition, limit);

    private async Task<IReadOnlyList<RecordEntry>> ReadAsync(RedisKey index, long before, int count)
    {
        var members = await Db.SortedSetRangeByScoreAsync(index, double.NegativeInfinity, before, Exclude.Stop, Order.Descending, 0, count);
        return members.Select(m => JsonSerializer.Deserialize<RecordEntry>(m.ToString(), Json)!).ToList();
    }

    private RedisKey Index(RecordOwner owner, RecordKind kind) =>
        $"{keys.Owner(owner.Id)}:records:{(owner.Side == RecordSide.Customer ? "customer" : "merchant")}:{kind.ToString().ToLowerInvariant()}";

    private RedisKey Balance(Guid merchantId, Guid customerId) => $"{keys.Owner(customerId)}:records:balance:{merchantId:N}";
}
