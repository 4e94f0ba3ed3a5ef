using CodeScan.Infrastructure.ReadModels;
using CodeScan.Api.Tests.Support;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Cluster;

/// <summary>
/// What makes the cluster configuration a proof: the Redis Cluster that ./scripts/test.sh starts has three masters
/// sharing the slots, and it refuses a script whose keys are in two slots, so a store that sent one would fail its
/// tests in tests/Api.Tests/Cluster. And one owner's keys, of any read model, share one slot.
/// </summary>
public sealed class ClusterSlotTests : IAsyncLifetime
{
    private readonly RedisKeys _keys = new("cs_" + Guid.NewGuid().ToString("N")[..16] + ":");
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.RedisCluster);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public void TheTestCluster_HasThreeMasters()
    {
        var masters = _redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();

        Assert.Equal(3, masters.Count);
        Assert.All(masters, s => Assert.Equal(ServerType.Cluster, s.ServerType));
    }

    [Fact]
    public async Task AScriptOverTwoSlots_IsRefused()
    {
        var (a, b) = TwoOwnersInDifferentSlots();

        // StackExchange.Redis refuses it before sending (RedisCommandException); the cluster would (CROSSSLOT).
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            _redis.GetDatabase().ScriptEvaluateAsync("redis.call('SET', KEYS[1], 1) redis.call('SET', KEYS[2], 1)", [_keys.Merchant(a), _keys.Merchant(b)]));

        Assert.Contains("slot", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OneOwnersKeys_AndTheirSlotFence_ShareASlot_AndTheCheckpointSharesTheLeases()
    {
        var owner = Guid.NewGuid();
        var day = new DateOnly(2026, 12, 4);
        RedisKey[] ofOneOwner =
        [
            _keys.Merchant(owner), _keys.Alerts(owner), _keys.SalesDay(owner, day), _keys.PerformanceItems(owner),
            _keys.Customers(owner, "first"), _keys.LiabilityDay(owner, day), _keys.LiabilityDays(owner),
            _keys.Wallet(Guid.NewGuid(), owner), _keys.CustomerWallets(owner), _keys.LiabilityLots(Guid.NewGuid(), owner),
            RedisKeys.SlotFenceOf(_keys.Merchant(owner), 0),
        ];

        Assert.Single(ofOneOwner.Select(k => _redis.HashSlot(k)).Distinct());
        Assert.Equal(_redis.HashSlot(_keys.ProjectorLease), _redis.HashSlot(_keys.Checkpoint));
        Assert.Equal(_keys.FenceOf(0), RedisKeys.SlotFenceOf(_keys.Checkpoint, 0));
    }

    private (Guid A, Guid B) TwoOwnersInDifferentSlots()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        while (_redis.HashSlot(_keys.Merchant(a)) == _redis.HashSlot(_keys.Merchant(b)))
        {
            b = Guid.NewGuid();
        }

        return (a, b);
    }
}
