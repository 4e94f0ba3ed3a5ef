using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Resilience;

/// <summary>
/// Two API nodes on the same MariaDB and Redis, as in the scale-out deployment, both taking payments.
/// Each node runs its own projector against the shared read store and checkpoint; whatever they do, the
/// read model must end up equal to a rebuild from the log and to the ledger.
/// </summary>
public sealed class TwoNodeProjectionTests
{
    [Fact]
    public async Task Payments_WhenTwoNodesShareTheStores_ReadModelEqualsRebuildAndLedger()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(nodeA);

        var customers = new List<(string Phone, string Token)>();
        var payments = new List<ResiliencePayment>();
        for (var i = 0; i < 3; i++)
        {
            var phone = Phones.Next();
            customers.Add((phone, await nodeA.SignInAsync(phone)));
            payments.Add(await ResiliencePayments.RechargeAsync(nodeA, merchant.OwnerToken, merchant.MerchantId, phone, 100_000));
        }

        // Each customer pays on both nodes at once, so both projectors work on the same wallets together.
        var streams = customers.SelectMany(c => new[] { nodeA, nodeB }.Select(node => Task.Run(async () =>
        {
            var taken = new List<ResiliencePayment>();
            for (var n = 0; n < 25; n++)
            {
                taken.Add(n % 4 == 3
                    ? await ResiliencePayments.RechargeAsync(node, merchant.OwnerToken, merchant.MerchantId, c.Phone, 300)
                    : await ResiliencePayments.RedeemAsync(node, c.Token, merchant.MerchantId, 100));
            }

            return taken;
        })));
        var results = (await Task.WhenAll(streams)).SelectMany(r => r).ToList();
        Assert.All(results, p => Assert.True(p.Succeeded, p.ToString()));
        payments.AddRange(results);

        await nodeB.WaitForProjectionsAsync();
        await ResilienceReadModelCheck.AssertConsistentAsync(nodeA, payments, everyPaymentWasAnswered: true);
        await ResilienceReadModelCheck.AssertConsistentAsync(nodeB, payments, everyPaymentWasAnswered: true);
    }
}
