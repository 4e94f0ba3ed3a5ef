using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// The live generation's fence is gone while its projector still holds the lease (evicted, or lost in a partial
/// restore): every write is refused, and renewing the lease would not raise the fence again. The projector gives the
/// lease up, takes it afresh (which raises the fence) and goes on projecting.
/// </summary>
public sealed class ProjectorFenceLossTests
{
    [Fact]
    public async Task Projector_WhoseFenceIsLostWhileItHoldsTheLease_TakesTheLeaseAfreshAndCatchesUp()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var host = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await host.WaitForProjectionsAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(stores.RedisConnectionString!);
        var fence = new RedisKeys(stores.RedisPrefix).FenceOf(0);
        Assert.True(await redis.GetDatabase().KeyDeleteAsync(fence));

        var (_, customerToken) = await merchant.FundedCustomerAsync(5_000);
        await host.WaitForProjectionsAsync(TimeSpan.FromSeconds(30));

        Assert.True(await redis.GetDatabase().KeyExistsAsync(fence));
        Assert.Equal(5_000, await merchant.WalletBalanceAsync(customerToken));
    }
}
