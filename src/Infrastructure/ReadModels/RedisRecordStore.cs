using System.Text.Json;
using System.Text.Json.Serialization;
using CodeScan.Application.Records;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production records. Per owner (customer or merchant) and kind, a sorted set scored by event-log
/// position whose members are the entries' JSON, so a page is one ZREVRANGEBYSCORE per kind asked for
/// and nothing needs KEYS or SCAN. An append is one script per owner (each owner's keys share its hash tag, one
/// Redis Cluster slot), for one entry or a run of them: it adds the entry to the owner's set unless an entry at that position is there already (a
/// replay) and trims the set to its history length; the customer's also remembers the wallet's balance after it (for
/// issuances, which leave it as it was). Each is replay-safe on its own, so a crash between the two is repaired by
/// the projector applying the event again.
/// </summary>
internal sealed class RedisRecordStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : IRecordStore
{
    /// <summary>How many entries of each kind each customer and each merchant keeps (the ledger keeps everything).</summary>
    public const int HistoryPerKind = 100_000;

    /// <summary>
    /// KEYS: the owner's index of the entries' kind, then (the customer's) the wallet's balance. ARGV: the history length,
    /// then for each entry in position order its position, JSON and the balance it left. Trimming once at the end keeps
    /// what trimming after each entry would: the newest of all.
    /// </summary>
    private const string AppendScript = """
        for i = 2, #ARGV, 4 do
          if redis.call('ZCOUNT', KEYS[1], ARGV[i], ARGV[i]) == 0 then
            redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
          end
          if KEYS[2] then
            local last = redis.call('HGET', KEYS[2], 'position')
            if not last or tonumber(last) < tonumber(ARGV[i]) then
              redis.call('HSET', KEYS[2], 'position', ARGV[i], 'principal', ARGV[i + 2], 'bonus', ARGV[i + 3])
            end
          end
        end
        redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
        return 1
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        IgnoreReadOnlyProperties = true,
    };

    private IDatabase Db => redis.GetDatabase();

    public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken) => AppendAllAsync([entry], cancellationToken);

    /// <summary>
    /// One script per run of entries that share their keys: a merchant's entries of a kind in a batch go in one call, a
    /// customer's at one merchant in as few as their order allows, not two calls per entry.
    /// </summary>
    public Task AppendAllAsync(IReadOnlyList<RecordEntry> entries, CancellationToken cancellationToken)
    {
        var serialized = entries.Select(e => (Entry: e, Json: JsonSerializer.Serialize(e, Json))).ToList();
        var merchants = serialized.GroupBy(e => (e.Entry.MerchantId, e.Entry.Kind))
            .Select(index => Append([Index(RecordOwner.Merchant(index.Key.MerchantId), index.Key.Kind)], [.. index]));
        var customers = ScopeRuns.Of(serialized, e => e.Entry.CustomerId, e => (e.Entry.CustomerId, e.Entry.Kind, e.Entry.MerchantId))
            .Select(run => Append([Index(RecordOwner.Customer(run.Key.CustomerId), run.Key.Kind), Balance(run.Key.MerchantId, run.Key.CustomerId)], run.Items));
        return Task.WhenAll([.. customers, .. merchants]);
    }

    private Task Append(RedisKey[] scriptKeys, List<(RecordEntry Entry, string Json)> run)
    {
        var arguments = new RedisValue[1 + (4 * run.Count)];
        arguments[0] = HistoryPerKind;
        for (var i = 0; i < run.Count; i++)
        {
            (arguments[1 + (4 * i)], arguments[2 + (4 * i)]) = (run[i].Entry.Position, run[i].Json);
            (arguments[3 + (4 * i)], arguments[4 + (4 * i)]) = (run[i].Entry.PrincipalAfter, run[i].Entry.BonusAfter);
        }

        return fence.EvaluateAsync(Db, AppendScript, scriptKeys, arguments);
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
