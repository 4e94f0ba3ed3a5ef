using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Flows;

/// <summary>
/// A till that just opened asks for the newest alerts (<c>merchantAlerts(last:)</c>) to show recent history
/// and learn the cursor to subscribe from.
/// </summary>
public abstract class RecentAlertsTests(StoreMode mode)
{
    private const string Recent = """
        query($m: ID!, $last: Int, $after: String) {
          merchantAlerts(merchantId: $m, last: $last, after: $after) { nodes { id amount { minorUnits } } pageInfo { hasNextPage } }
        }
        """;

    [Fact]
    public async Task Last_ReturnsTheNewestAlertsOldestFirst()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000);
        foreach (var amount in new long[] { 101, 102, 103, 104 })
        {
            Assert.Empty((await merchant.RedeemAsync(customer, amount)).Data("redeem").ErrorCodes());
        }

        await host.WaitForProjectionsAsync();

        var three = (await host.GraphQLAsync(merchant.OwnerToken, Recent, new { m = merchant.MerchantId, last = 3 })).Data("merchantAlerts");
        Assert.Equal([102L, 103L, 104L], three["nodes"]!.AsArray().Select(n => n!["amount"]!["minorUnits"]!.GetValue<long>()));
        Assert.False(three["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var all = (await host.GraphQLAsync(merchant.OwnerToken, Recent, new { m = merchant.MerchantId, last = 100 })).Data("merchantAlerts");
        Assert.Equal(5, all["nodes"]!.AsArray().Count); // the recharge and the four payments

        foreach (var bad in new object[] { new { m = merchant.MerchantId, last = 0 }, new { m = merchant.MerchantId, last = 101 }, new { m = merchant.MerchantId, last = 1, after = "1" } })
        {
            var refused = await host.GraphQLAsync(merchant.OwnerToken, Recent, bad);
            Assert.Equal("BAD_USER_INPUT", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }
}

public sealed class EmbeddedRecentAlertsTests() : RecentAlertsTests(StoreMode.Embedded);

public sealed class MariaDbRecentAlertsTests() : RecentAlertsTests(StoreMode.MariaDbRedis);
