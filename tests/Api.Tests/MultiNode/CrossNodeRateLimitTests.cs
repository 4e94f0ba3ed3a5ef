using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// Issue 13: a per-user limit holds for the deployment, not per node. Measured from outside, with
/// <c>RateLimits__Payments=6</c> a customer alternating between two nodes paid 12 times out of 12.
/// </summary>
public sealed class CrossNodeRateLimitTests
{
    private const int Permits = 6;

    [Fact]
    public async Task Payments_AlternatingBetweenNodes_SucceedExactlyAsOftenAsTheLimitAllows()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        var (merchantId, _, customerToken) = await CrossNodeAlertTests.PrepareAsync(stores);

        // An hour's window: the whole test runs inside one, however slow the machine.
        await using var nodes = await TwoNodeCluster.StartAsync(stores, new Dictionary<string, string>
        {
            ["RateLimits__Payments"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits__Window"] = "01:00:00",
        });

        var outcomes = new List<string>();
        for (var i = 0; i < 2 * Permits; i++)
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            var paid = await node.GraphQLAsync(customerToken, Gql.Redeem, new { input = new { merchantId, amount = 100, idempotencyKey = $"pay-{i}" } });
            outcomes.Add(paid.Data("redeem").ErrorCodes() is [] ? "OK" : string.Join(',', paid.Data("redeem").ErrorCodes()));
        }

        Assert.Equal(Enumerable.Repeat("OK", Permits).Concat(Enumerable.Repeat("RATE_LIMITED", Permits)), outcomes);
    }
}
