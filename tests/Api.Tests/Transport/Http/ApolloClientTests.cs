using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Transport.Http;

/// <summary>
/// Apollo Client 4 itself (tests/clients/apollo/apq-batch.mjs), not a copy of its protocol: its PersistedQueryLink
/// registers a query after PersistedQueryNotFound and then runs it by hash alone (over GET too), and its
/// BatchHttpLink sends three queries as one POST whose answer is an array; its normalized cache applies
/// walletChanged to the wallet a query showed, with no refetch, because both carry the Wallet's id.
/// </summary>
public sealed class ApolloClientTests
{
    [Fact]
    public async Task PersistedQueryLinkAndBatchHttpLink_AgainstTheService_WorkAsApolloExpects()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var report = await RunAsync(host.GraphQLUri);

        var persisted = report["persisted"]!;
        Assert.Equal("Query", persisted["first"]!["__typename"]!.GetValue<string>());
        Assert.Equal(
            """[{"method":"POST","hasQuery":false},{"method":"POST","hasQuery":true}]""",
            new JsonArray([.. persisted["firstRequests"]!.AsArray().Select(r => (JsonNode)new JsonObject { ["method"] = r!["method"]!.GetValue<string>(), ["hasQuery"] = r["hasQuery"]!.GetValue<bool>() })]).ToJsonString());
        Assert.Equal("Query", persisted["second"]!["__typename"]!.GetValue<string>());
        Assert.Equal("""[{"method":"GET","hasQuery":false}]""", persisted["secondRequests"]!.ToJsonString());

        var batch = report["batch"]!;
        Assert.Equal("""[{"__typename":"Query"},{"me":null},{"a":"Query"}]""", batch["results"]!.ToJsonString());
        Assert.Equal("""[{"method":"POST","operations":3}]""", batch["requests"]!.ToJsonString());
    }

    [Fact]
    public async Task WalletChanged_UpdatesTheWalletApolloShows_WithoutARefetch()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, token) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();
        using var app = Start("wallet-cache.mjs", host.GraphQLUri.ToString(), token, merchant.MerchantId);
        Assert.Equal("subscribed", await app.NextLineAsync());

        await BusProbe.WaitForWalletSubscriberAsync(host, merchant.MerchantId, token);
        Assert.Empty((await merchant.RechargeAsync(phone, 2_500)).Data("rechargeAtCounter").ErrorCodes());
        var report = JsonNode.Parse(await app.NextLineAsync())!;

        Assert.Equal(report["before"]!["id"]!.GetValue<string>(), report["event"]!["id"]!.GetValue<string>());
        Assert.Equal((10_000, 12_500, 12_500, 0), (
            report["before"]!["storedValue"]!["minorUnits"]!.GetValue<long>(),
            report["event"]!["storedValue"]!["minorUnits"]!.GetValue<long>(),
            report["shown"]!.GetValue<long>(),
            report["requests"]!.GetValue<int>()));
    }

    private static NodeScript Start(string script, params string[] arguments) => NodeScript.Start("apollo", script, arguments);

    private static async Task<JsonNode> RunAsync(Uri url)
    {
        using var script = Start("apq-batch.mjs", url.ToString());
        return JsonNode.Parse(await script.NextLineAsync())!;
    }
}
