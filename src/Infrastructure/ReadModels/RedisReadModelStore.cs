using System.Globalization;
using System.Text.Json;
using CodeScan.Application.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Production read store. Views are JSON (UTF-8 strings in Redis); each merchant's alerts are a Redis stream whose entry
/// ids are the event-log positions, so Redis itself refuses an alert appended twice.
/// </summary>
internal sealed class RedisReadModelStore(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : IReadModelStore
{
    /// <summary>How many alerts per merchant are kept for replay.</summary>
    internal const int AlertHistory = 100_000;

    /// <summary>A wallet's view and the customer's index of wallets change together.</summary>
    private const string PutWalletScript = """
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<long> GetCheckpointAsync(CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync(keys.Checkpoint);
        return value.HasValue ? (long)value : 0;
    }

    public Task SetCheckpointAsync(long position, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.Checkpoint, position);

    public async Task<MerchantView?> GetMerchantAsync(Guid merchantId, CancellationToken cancellationToken) =>
        ReadModelJson.Read<MerchantView>(await Db.StringGetAsync(keys.Merchant(merchantId)));

    public Task PutMerchantAsync(MerchantView view, CancellationToken cancellationToken) =>
        fence.SetAsync(Db, keys.Merchant(view.MerchantId), ReadModelJson.Write(view));

    public async Task<WalletView?> GetWalletAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
        ReadModelJson.Read<WalletView>(await Db.StringGetAsync(keys.Wallet(merchantId, customerId)));

    public Task PutWalletAsync(WalletView view, CancellationToken cancellationToken) =>
        fence.EvaluateAsync(
            Db,
            PutWalletScript,
            [keys.Wallet(view.MerchantId, view.CustomerId), keys.CustomerWallets(view.CustomerId)],
            [ReadModelJson.Write(view), view.MerchantId.ToString("N")]);

    public async Task<IReadOnlyList<WalletView>> GetWalletsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var merchants = (await Db.SetMembersAsync(keys.CustomerWallets(customerId))).Select(m => Guid.ParseExact(m.ToString(), "N")).Order().ToList();
        if (merchants.Count == 0)
        {
            return [];
        }

        var values = await Db.StringGetAsync(merchants.Select(m => keys.Wallet(m, customerId)).ToArray());
        return values.Select(v => ReadModelJson.Read<WalletView>(v)).OfType<WalletView>().ToList();
    }

    public async Task<IReadOnlyList<MerchantAlertView>> GetAlertsAsync(Guid merchantId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        var entries = await Db.StreamRangeAsync(keys.Alerts(merchantId), minId: $"{afterPosition + 1}-0", maxId: "+", count: limit);
        return entries.Select(e => ReadModelJson.Read<MerchantAlertView>(e["alert"])!).ToList();
    }

    public async Task<IReadOnlyList<MerchantAlertView>> GetLatestAlertsAsync(Guid merchantId, long? beforePosition, int count, CancellationToken cancellationToken)
    {
        if (beforePosition <= 1)
        {
            return [];
        }

        // Entry ids are "position-0"; an end id without a sequence part takes every entry of that position.
        RedisValue newest = beforePosition is { } before ? (before - 1).ToString(CultureInfo.InvariantCulture) : "+";
        var entries = await Db.StreamRangeAsync(keys.Alerts(merchantId), minId: "-", maxId: newest, count: count, messageOrder: Order.Descending);
        return entries.Reverse().Select(e => ReadModelJson.Read<MerchantAlertView>(e["alert"])!).ToList();
    }

    public Task PingAsync(CancellationToken cancellationToken) => Db.PingAsync();

    /// <summary>An alert as its stream entry holds it (appended by <see cref="RedisAlertFeed"/>).</summary>
    internal static string Serialize(MerchantAlertView alert) => JsonSerializer.Serialize(alert, ReadModelJson.Options);
}
