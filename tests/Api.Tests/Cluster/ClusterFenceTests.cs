using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Projections;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Cluster;

/// <summary>
/// The projector's fence on a Redis Cluster (docs/decisions/0021): a write's fence is the one in its own slot,
/// raised lazily by the first write of a newer token there; the checkpoint's is the generation's fence beside the
/// lease, which the new holder's acquisition raises at once. Two nodes share one deployment (own prefix), each with
/// its own lease, fence and read store; the lease's expiry is made to happen at once by removing its key.
/// </summary>
public sealed class ClusterFenceTests : IAsyncLifetime
{
    private readonly RedisKeys _deployment = new("cs_" + Guid.NewGuid().ToString("N")[..16] + ":");
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.RedisCluster);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task StaleHolder_OnACluster_IsRefusedTheCheckpointAtOnce_AndEverySlotTheNewHolderHasWritten()
    {
        var paused = Node();
        var next = Node();
        var merchant = Guid.NewGuid();
        Assert.True(await paused.Lease.TryAcquireAsync(CancellationToken.None));
        await paused.Store.PutMerchantAsync(View(merchant, "before the pause", 1), CancellationToken.None);
        await paused.Store.SetCheckpointAsync(10, CancellationToken.None);

        await _redis.GetDatabase().KeyDeleteAsync([_deployment.ProjectorLease, _deployment.LeaseToken]);
        Assert.True(await next.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(next.Fence.Token > paused.Fence.Token);

        // The checkpoint shares the lease's slot: its fence was raised by the acquisition, before any write.
        await AssertRefusedAsync(() => paused.Store.SetCheckpointAsync(12, CancellationToken.None));
        Assert.Equal(10, await next.Store.GetCheckpointAsync(CancellationToken.None));

        // The merchant's slot learns of the new token from the new holder's first write there, and refuses the old one.
        await next.Store.PutMerchantAsync(View(merchant, "new holder", 3), CancellationToken.None);
        Assert.Equal(next.Fence.Token, (long)await _redis.GetDatabase().StringGetAsync(RedisKeys.SlotFenceOf(next.Keys.Merchant(merchant), 0)));
        await AssertRefusedAsync(() => paused.Store.PutMerchantAsync(View(merchant, "stale", 2), CancellationToken.None));
        Assert.Equal("new holder", (await next.Store.GetMerchantAsync(merchant, CancellationToken.None))!.Name);

        // A wallet is its customer's slot: the same rule there, once the new holder has written it.
        await next.Store.PutWalletAsync(Wallet(merchant, 11), CancellationToken.None);
        await AssertRefusedAsync(() => paused.Store.PutWalletAsync(Wallet(merchant, 9), CancellationToken.None));
        Assert.Equal(11, (await next.Store.GetWalletAsync(merchant, Guid.Empty, CancellationToken.None))!.Position);
        Assert.False(await paused.Lease.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rebuild_OnACluster_TakesTheLeaseFromTheLiveGeneration_AndFencesItsCheckpoint()
    {
        var live = Node();
        Assert.True(await live.Lease.TryAcquireAsync(CancellationToken.None));
        var generations = new ReadModelGenerations(_redis, _deployment);
        var (_, next, token) = await generations.AllocateAsync();
        var rebuild = Node(buildInto: next);
        rebuild.Fence.Use(token);
        await rebuild.Store.SetCheckpointAsync(7, CancellationToken.None);
        await live.Store.SetCheckpointAsync(9, CancellationToken.None);

        // The rebuild believes in its own generation; the lease script answers with the live one's, and fences that.
        await rebuild.Lease.RequestHandoverAsync(TimeSpan.FromSeconds(30));
        Assert.False(await live.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(await rebuild.Lease.TryAcquireAsync(CancellationToken.None));
        await AssertRefusedAsync(() => live.Store.SetCheckpointAsync(11, CancellationToken.None));
        await rebuild.Store.SetCheckpointAsync(12, CancellationToken.None);
        Assert.Equal(9, await generations.GetCheckpointAsync(0));
        Assert.Equal(12, await generations.GetCheckpointAsync(next));
    }

    /// <summary>A node; with <paramref name="buildInto"/>, a rebuild's, pinned to the generation it builds before its lease exists.</summary>
    private (RedisKeys Keys, ProjectorFence Fence, RedisProjectorLease Lease, IReadModelStore Store) Node(long? buildInto = null)
    {
        var keys = new RedisKeys(_deployment.Root);
        if (buildInto is { } generation)
        {
            keys.BuildInto(generation);
        }

        var fence = new ProjectorFence(keys);
        var lease = new RedisProjectorLease(_redis, keys, fence, Options.Create(new ProjectorOptions { PollInterval = TimeSpan.Zero }), new FakeTimeProvider());
        return (keys, fence, lease, new RedisReadModelStore(_redis, keys, fence));
    }

    private static async Task AssertRefusedAsync(Func<Task> write)
    {
        var refused = await Assert.ThrowsAsync<RedisServerException>(write);
        Assert.True(ProjectorFence.Refused(refused), refused.Message);
    }

    private static MerchantView View(Guid merchant, string name, long version) =>
        new(merchant, Guid.NewGuid(), name, Locales.ZhCn, "CNY", "Approved", "A", version);

    private static WalletView Wallet(Guid merchant, long version) => new(merchant, Guid.Empty, "CNY", 100, 0, version, DateTimeOffset.UnixEpoch);
}
