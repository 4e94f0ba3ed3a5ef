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

    private const string Page = """
        query($m: ID!, $first: Int, $after: String, $last: Int, $before: String) {
          merchantAlerts(merchantId: $m, first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { id amount { minorUnits } } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Pages_GoBackWithBeforeAndForwardWithAfter_OnOpaqueIdsThatAreTheCursors()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000); // alert 1: the recharge of 100_000
        foreach (var amount in new long[] { 101, 102, 103, 104 })
        {
            Assert.Empty((await merchant.RedeemAsync(customer, amount)).Data("redeem").ErrorCodes());
        }

        await host.WaitForProjectionsAsync();
        async Task<(long[] Amounts, System.Text.Json.Nodes.JsonNode PageInfo)> PageAsync(object variables)
        {
            var page = (await host.GraphQLAsync(merchant.OwnerToken, Page, variables)).Data("merchantAlerts");
            foreach (var edge in page["edges"]!.AsArray())
            {
                Assert.Equal(edge!["cursor"]!.GetValue<string>(), edge["node"]!["id"]!.GetValue<string>());
                Assert.DoesNotMatch("^[0-9]+$", edge["cursor"]!.GetValue<string>());
            }

            return (page["edges"]!.AsArray().Select(e => e!["node"]!["amount"]!["minorUnits"]!.GetValue<long>()).ToArray(), page["pageInfo"]!);
        }

        var m = merchant.MerchantId;
        var newest = await PageAsync(new { m, last = 2 });
        Assert.Equal([103L, 104L], newest.Amounts);
        Assert.Equal((true, false), (newest.PageInfo["hasPreviousPage"]!.GetValue<bool>(), newest.PageInfo["hasNextPage"]!.GetValue<bool>()));
        var back = await PageAsync(new { m, last = 2, before = newest.PageInfo["startCursor"]!.GetValue<string>() });
        Assert.Equal([101L, 102L], back.Amounts);
        Assert.Equal((true, true), (back.PageInfo["hasPreviousPage"]!.GetValue<bool>(), back.PageInfo["hasNextPage"]!.GetValue<bool>()));
        var oldest = await PageAsync(new { m, last = 2, before = back.PageInfo["startCursor"]!.GetValue<string>() });
        Assert.Equal([100_000L], oldest.Amounts);
        Assert.False(oldest.PageInfo["hasPreviousPage"]!.GetValue<bool>());

        var first = await PageAsync(new { m, first = 2 });
        Assert.Equal([100_000L, 101L], first.Amounts);
        Assert.Equal((false, true), (first.PageInfo["hasPreviousPage"]!.GetValue<bool>(), first.PageInfo["hasNextPage"]!.GetValue<bool>()));
        var next = await PageAsync(new { m, first = 3, after = first.PageInfo["endCursor"]!.GetValue<string>() });
        Assert.Equal([102L, 103L, 104L], next.Amounts);
        Assert.Equal((true, false), (next.PageInfo["hasPreviousPage"]!.GetValue<bool>(), next.PageInfo["hasNextPage"]!.GetValue<bool>()));

        // A cursor of one merchant's alerts means nothing for another's; `before` goes with `last`.
        var other = await MerchantScenario.ApprovedAsync(host);
        foreach (var (token, bad) in new (string, object)[]
        {
            (other.OwnerToken, new { m = other.MerchantId, first = 2, after = first.PageInfo["endCursor"]!.GetValue<string>() }),
            (merchant.OwnerToken, new { m, first = 2, before = newest.PageInfo["startCursor"]!.GetValue<string>() }),
            (merchant.OwnerToken, new { m, first = 2, after = "not-a-cursor" }),
        })
        {
            var refused = await host.GraphQLAsync(token, Page, bad);
            Assert.Equal("BAD_USER_INPUT", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }
}

public sealed class EmbeddedRecentAlertsTests() : RecentAlertsTests(StoreMode.Embedded);

public sealed class MariaDbRecentAlertsTests() : RecentAlertsTests(StoreMode.MariaDbRedis);
