using CodeScan.Application.ReadModels;
using CodeScan.Api.Tests.Support;
using MySqlConnector;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// Two API processes on one MariaDB database and one Redis key prefix, as behind a load balancer. Node B is
/// started first and holds the projector lease (checked in Redis, not assumed), so node A is the standby: a
/// payment taken on A must reach B's projector from another process, and its alert must reach A's tills back
/// through Redis. The stores are prepared beforehand (an in-process host that has stopped), so both nodes start on
/// a migrated database.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private TwoNodeCluster(HostStores stores, ConnectionMultiplexer redis, ApiNodeProcess a, ApiNodeProcess b)
    {
        Stores = stores;
        _redis = redis;
        A = a;
        B = b;
    }

    public HostStores Stores { get; }

    /// <summary>The standby node.</summary>
    public ApiNodeProcess A { get; }

    /// <summary>The node running the projector.</summary>
    public ApiNodeProcess B { get; }

    public static async Task<TwoNodeCluster> StartAsync(HostStores stores, IReadOnlyDictionary<string, string> settings)
    {
        // The test's own look at Redis waits patiently on a loaded machine, whatever short timeouts the nodes are given.
        var options = ConfigurationOptions.Parse(stores.RedisConnectionString!);
        (options.SyncTimeout, options.AsyncTimeout, options.AbortOnConnectFail) = (10_000, 10_000, false);
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        ApiNodeProcess? a = null, b = null;
        try
        {
            b = await ApiNodeProcess.StartAsync("B", stores, settings);
            await WaitForLeaseAsync(redis, stores, b);
            a = await ApiNodeProcess.StartAsync("A", stores, settings);
            return new TwoNodeCluster(stores, redis, a, b);
        }
        catch
        {
            await (a?.DisposeAsync() ?? ValueTask.CompletedTask);
            await (b?.DisposeAsync() ?? ValueTask.CompletedTask);
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> subscriptions listen on the merchant's alert channel in Redis (the
    /// protocol does not acknowledge a subscribe, and a payment before it would go unheard).
    /// </summary>
    public async Task WaitForAlertSubscribersAsync(string merchantGlobalId, int count)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var merchantId));
        var channel = RedisChannel.Literal(Stores.RedisPrefix + Channels.MerchantAlerts(merchantId));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _redis.GetServers()[0].SubscriptionSubscriberCountAsync(channel) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} subscribers on {channel}.");
            await Task.Delay(20);
        }
    }

    /// <summary>When each event was committed: the event log's recorded_at, taken in the transaction just before COMMIT.</summary>
    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> CommitTimesAsync(IReadOnlyCollection<long> positions)
    {
        await using var connection = new MySqlConnection(Stores.MySqlConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT position, recorded_at FROM event_log WHERE position IN ({string.Join(',', positions)})";
        await using var reader = await command.ExecuteReaderAsync();
        var times = new Dictionary<long, DateTimeOffset>();
        while (await reader.ReadAsync())
        {
            times[reader.GetInt64(0)] = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
        }

        return times;
    }

    /// <summary>The event log's last position (0 when empty).</summary>
    public async Task<long> LogHeadAsync()
    {
        await using var connection = new MySqlConnection(Stores.MySqlConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM event_log";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The position the live read models (the generation the pointer names) have applied the log up to, as Redis holds it.</summary>
    public async Task<long> CheckpointAsync()
    {
        var keys = new Infrastructure.ReadModels.RedisKeys(Stores.RedisPrefix);
        var live = await _redis.GetDatabase().StringGetAsync(keys.LiveGeneration);
        var value = await _redis.GetDatabase().StringGetAsync(keys.CheckpointOf(live.HasValue ? (long)live : 0));
        return value.HasValue ? (long)value : 0;
    }

    /// <summary>Waits until <paramref name="node"/> holds the projector lease.</summary>
    public Task WaitForLeaseAsync(ApiNodeProcess node) => WaitForLeaseAsync(_redis, Stores, node);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private static async Task WaitForLeaseAsync(ConnectionMultiplexer redis, HostStores stores, ApiNodeProcess holder)
    {
        // The lease's value is "{machine}:{process id}:{guid}"; a lease left by the setup host expires within its time to live.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string?)await redis.GetDatabase().StringGetAsync(stores.RedisPrefix + "projector:lease") is not { } value
            || !value.Contains($":{holder.ProcessId}:", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Node {holder.Name} did not take the projector lease:\n{holder.Output}");
            await Task.Delay(50);
        }
    }
}
