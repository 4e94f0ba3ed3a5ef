using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;

namespace CodeScan.Api.Tests.Flows;

/// <summary>
/// Two API nodes on one MariaDB and one Redis: a till connected to either node hears a payment taken on
/// the other, only one node projects at a time, and the other takes over when it goes away.
/// </summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Redeem_WhenTakenOnOneNode_TillOnTheOtherNodeHearsItOnce()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(nodeA);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        await nodeA.WaitForProjectionsAsync();

        await using var till = await GraphQLWsTestClient.ConnectAsync(nodeB.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(nodeB, merchant.MerchantId);

        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var alert = await till.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("next", alert.Type);
        Assert.Equal(2_500, alert.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts").GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Null(await till.TryReceiveAsync(TimeSpan.FromMilliseconds(750)));
    }

    [Fact]
    public async Task Projector_WhenTwoNodesRun_OneStandsByAndTakesOverWhenTheOtherStops()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        try
        {
            var merchant = await MerchantScenario.ApprovedAsync(nodeA);
            var (_, customer) = await merchant.FundedCustomerAsync(10_000);
            await nodeA.WaitForProjectionsAsync();

            // Both nodes have tried for the lease by now (poll interval 1 s); exactly one won it.
            await WaitUntil(() => nodeA.Projector.IsStandingBy || nodeB.Projector.IsStandingBy);
            Assert.NotEqual(nodeA.Projector.IsStandingBy, nodeB.Projector.IsStandingBy);

            var survivor = nodeA.Projector.IsStandingBy ? nodeA : nodeB;
            var active = survivor == nodeA ? nodeB : nodeA;
            await active.DisposeAsync();

            var survivorMerchant = await MerchantScenario.ApprovedAsync(survivor);
            var (_, survivorCustomer) = await survivorMerchant.FundedCustomerAsync(5_000);
            Assert.Empty((await survivorMerchant.RedeemAsync(survivorCustomer, 1_000)).Data("redeem").ErrorCodes());

            await survivor.WaitForProjectionsAsync();
            Assert.False(survivor.Projector.IsStandingBy);
            Assert.Equal(4_000, await survivorMerchant.WalletBalanceAsync(survivorCustomer));
            Assert.Equal(10_000, await merchant.WalletBalanceAsyncOn(survivor, customer));
            await LedgerCheck.AssertBalancedAsync(survivor);
        }
        finally
        {
            await nodeA.DisposeAsync();
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(50);
        }
    }
}
