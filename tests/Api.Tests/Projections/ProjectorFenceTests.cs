using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Projections;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// Issue 13, point 2: a projector that paused past its lease and wakes up believing it still projects cannot
/// write over the new holder's work. Two nodes share one Redis deployment (own prefix); each has its own lease,
/// fence and read store, as two processes would. The pause is the lease's expiry, made to happen at once by
/// removing the lease key (what Redis does after its time to live).
/// </summary>
public sealed class ProjectorFenceTests : IAsyncLifetime
{
    private readonly RedisKeys _deployment = new("cs_" + Guid.NewGuid().ToString("N")[..16] + ":");
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task StaleHolder_AfterAnotherNodeTookTheExpiredLease_HasEveryWriteRefusedAndChangesNothing()
    {
        var paused = Node();
        var next = Node();
        var merchant = Guid.NewGuid();
        Assert.True(await paused.Lease.TryAcquireAsync(CancellationToken.None));
        await paused.Store.PutMerchantAsync(View(merchant, "before the pause", 1), CancellationToken.None);
        await paused.Store.SetCheckpointAsync(10, CancellationToken.None);

        await ExpireLeaseAsync();
        Assert.True(await next.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(next.Fence.Token > paused.Fence.Token);

        // Woken up, the old holder still sends the writes of the batch it was in: every one is refused, even before the
        // new holder has written anything (its acquisition raised the fence).
        await AssertRefusedAsync(() => paused.Store.PutMerchantAsync(View(merchant, "stale", 2), CancellationToken.None));
        await AssertRefusedAsync(() => paused.Store.PutWalletAsync(Wallet(merchant), CancellationToken.None));
        await AssertRefusedAsync(() => paused.Store.SetCheckpointAsync(12, CancellationToken.None));
        Assert.Equal("before the pause", (await next.Store.GetMerchantAsync(merchant, CancellationToken.None))!.Name);
        Assert.Null(await next.Store.GetWalletAsync(merchant, Guid.Empty, CancellationToken.None));
        Assert.Equal(10, await next.Store.GetCheckpointAsync(CancellationToken.None));

        await next.Store.PutMerchantAsync(View(merchant, "new holder", 3), CancellationToken.None);
        await next.Store.SetCheckpointAsync(20, CancellationToken.None);
        await AssertRefusedAsync(() => paused.Store.SetCheckpointAsync(15, CancellationToken.None));
        Assert.Equal("new holder", (await next.Store.GetMerchantAsync(merchant, CancellationToken.None))!.Name);
        Assert.Equal(20, await next.Store.GetCheckpointAsync(CancellationToken.None));

        // Its next turn of the loop tells it the lease is gone: it stands by.
        Assert.False(await paused.Lease.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Holder_RenewingItsLease_KeepsItsTokenAndKeepsWriting()
    {
        var node = Node();
        Assert.True(await node.Lease.TryAcquireAsync(CancellationToken.None));
        var token = node.Fence.Token;
        Assert.True(await node.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.Equal(token, node.Fence.Token);
        await node.Store.SetCheckpointAsync(5, CancellationToken.None);

        // Released on a clean shutdown and taken again: a new, higher token, and writes go on.
        await node.Lease.ReleaseAsync(CancellationToken.None);
        Assert.True(await node.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(node.Fence.Token > token);
        await node.Store.SetCheckpointAsync(6, CancellationToken.None);
        Assert.Equal(6, await node.Store.GetCheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Rebuild_BuildingItsGenerationAside_DoesNotFenceTheLiveProjector_UntilItTakesTheLease()
    {
        var live = Node();
        Assert.True(await live.Lease.TryAcquireAsync(CancellationToken.None));
        var rebuild = Node();
        var generations = new ReadModelGenerations(_redis, rebuild.Keys);
        var (_, next, token) = await generations.AllocateAsync();
        rebuild.Keys.BuildInto(next);
        rebuild.Fence.Use(token);
        Assert.True(token > live.Fence.Token);

        // Both write at once, each to its own generation.
        await rebuild.Store.SetCheckpointAsync(7, CancellationToken.None);
        await live.Store.SetCheckpointAsync(9, CancellationToken.None);

        // The rebuild takes the lease for its final catch-up: from then on the live generation is its to fence.
        await rebuild.Lease.RequestHandoverAsync(TimeSpan.FromSeconds(30));
        Assert.False(await live.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(await rebuild.Lease.TryAcquireAsync(CancellationToken.None));
        await AssertRefusedAsync(() => live.Store.SetCheckpointAsync(11, CancellationToken.None));
        await rebuild.Store.SetCheckpointAsync(12, CancellationToken.None);
        Assert.Equal(9, await generations.GetCheckpointAsync(0));
        Assert.Equal(12, await generations.GetCheckpointAsync(next));
    }

    [Fact]
    public async Task Holder_RenewsOnlyEveryRenewInterval_AndAsksAgainAfterIt_OrAfterAFailure()
    {
        var clock = new FakeTimeProvider();
        var holder = Node(clock, new ProjectorOptions());
        Assert.Equal(TimeSpan.FromMilliseconds(500), holder.Lease.RenewInterval);
        Assert.True(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(holder.Lease.Held);
        var term = holder.Lease.Term;
        Assert.NotEqual(0, term);

        // A failure (Forget) ends the term even though the lease, and its token, stay this node's.
        var token = holder.Fence.Token;
        holder.Lease.Forget();
        Assert.True(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.Equal(token, holder.Fence.Token);
        Assert.NotEqual(term, holder.Lease.Term);

        // Taken away behind its back: within the renew interval it does not ask, so it does not know yet.
        await ExpireLeaseAsync();
        var next = Node();
        Assert.True(await next.Lease.TryAcquireAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.True(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(holder.Lease.Held);

        // Its writes meanwhile are the fence's to refuse; at the interval it asks and learns the lease is gone.
        await AssertRefusedAsync(() => holder.Store.SetCheckpointAsync(3, CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.False(holder.Lease.Held);
        Assert.Equal(0, holder.Lease.Term);

        // Back with the lease; after a failure (Forget) the next call asks at once, and finds it taken again.
        await next.Lease.ReleaseAsync(CancellationToken.None);
        Assert.True(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        await ExpireLeaseAsync();
        Assert.True(await next.Lease.TryAcquireAsync(CancellationToken.None));
        holder.Lease.Forget();
        Assert.False(holder.Lease.Held);
        Assert.False(await holder.Lease.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Holder_NotRenewedForItsTimeToLive_NoLongerCountsAsHeld()
    {
        var clock = new FakeTimeProvider();
        var holder = Node(clock, new ProjectorOptions());
        Assert.True(await holder.Lease.TryAcquireAsync(CancellationToken.None));
        clock.Advance(new ProjectorOptions().LeaseTimeToLive - TimeSpan.FromMilliseconds(1));
        Assert.True(holder.Lease.Held);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(holder.Lease.Held);
    }

    [Fact]
    public async Task Holder_WhenRedisLosesItsData_IsRefusedUntilItTakesTheLeaseAgain_WithATokenAboveEveryTokenFromBefore()
    {
        var before = Node();
        Assert.True(await before.Lease.TryAcquireAsync(CancellationToken.None));
        await before.Store.SetCheckpointAsync(10, CancellationToken.None);

        // Redis restarted empty: the lease, the token counter, the fence and the read models are gone.
        await LoseDeploymentDataAsync();

        // The holder's next write finds no fence: refused, and no fence is made up from its old token.
        await AssertRefusedAsync(() => before.Store.SetCheckpointAsync(11, CancellationToken.None));
        Assert.False(await _redis.GetDatabase().KeyExistsAsync(_deployment.FenceOf(0)));
        Assert.Equal(0, await before.Store.GetCheckpointAsync(CancellationToken.None));

        // Whoever takes the lease now (the counter started again at nothing) gets a token above the old one.
        var after = Node();
        Assert.True(await after.Lease.TryAcquireAsync(CancellationToken.None));
        Assert.True(after.Fence.Token > before.Fence.Token, $"{after.Fence.Token} <= {before.Fence.Token}");
        await AssertRefusedAsync(() => before.Store.SetCheckpointAsync(12, CancellationToken.None));
        await after.Store.SetCheckpointAsync(3, CancellationToken.None);
        Assert.Equal(3, await after.Store.GetCheckpointAsync(CancellationToken.None));

        // A rebuild allocated after the loss builds with a token above both, into a generation fenced for it.
        var rebuild = Node();
        var (_, next, token) = await new ReadModelGenerations(_redis, rebuild.Keys).AllocateAsync();
        rebuild.Keys.BuildInto(next);
        rebuild.Fence.Use(token);
        Assert.True(token > after.Fence.Token);
        await rebuild.Store.SetCheckpointAsync(1, CancellationToken.None);
    }

    /// <summary>A node; by default one that asks Redis at every call (no renew interval), as these tests expect.</summary>
    private (RedisKeys Keys, ProjectorFence Fence, RedisProjectorLease Lease, IReadModelStore Store) Node(
        FakeTimeProvider? clock = null, ProjectorOptions? options = null)
    {
        var keys = new RedisKeys(_deployment.Root);
        var fence = new ProjectorFence(keys);
        var lease = new RedisProjectorLease(
            _redis, keys, fence, Options.Create(options ?? new ProjectorOptions { PollInterval = TimeSpan.Zero }), clock ?? new FakeTimeProvider());
        return (keys, fence, lease, new RedisReadModelStore(_redis, keys, fence));
    }

    private async Task ExpireLeaseAsync() =>
        await _redis.GetDatabase().KeyDeleteAsync([_deployment.ProjectorLease, _deployment.LeaseToken]);

    /// <summary>What a restart without persistence does to this deployment (the shared test Redis cannot be flushed).</summary>
    private async Task LoseDeploymentDataAsync() =>
        await _redis.GetDatabase().KeyDeleteAsync(
            [_deployment.ProjectorLease, _deployment.LeaseToken, _deployment.FenceTokens, _deployment.FenceOf(0), _deployment.Checkpoint]);

    private static async Task AssertRefusedAsync(Func<Task> write)
    {
        var refused = await Assert.ThrowsAsync<RedisServerException>(write);
        Assert.True(ProjectorFence.Refused(refused), refused.Message);
    }

    private static MerchantView View(Guid merchant, string name, long version) =>
        new(merchant, Guid.NewGuid(), name, Locales.ZhCn, "CNY", "Approved", "A", version);

    private static WalletView Wallet(Guid merchant) => new(merchant, Guid.Empty, "CNY", 100, 0, 11, DateTimeOffset.UnixEpoch);
}
