using System.Globalization;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using Xunit.Abstractions;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// Issue 13: a payment taken on one node is heard on tills connected to any node without waiting for a poll.
/// Measured from outside, a standby node's payments waited for the projector's next poll: 471–1,099 ms. Here the
/// poll is 5 s (the lease lives 30 s here), so a commit that does not wake the projector on the other node shows as seconds and fails the
/// bound; the bound itself is generous (half the poll), for a CI machine with other heavy jobs beside it (a p99 of
/// 1,058 ms was seen at a load average of 20 on 2 cores). The 25 ms is the benchmark's to show
/// (<c>scripts/bench.sh --nodes 2</c>, under load, 2 nodes). The same run measures payments taken on the
/// projector's own node as the baseline, and prints both.
/// </summary>
public sealed class CrossNodeAlertTests(ITestOutputHelper output)
{
    private const int WarmUpPayments = 10;
    private const int Payments = 50;
    private const double P99BoundMs = 2_500;

    private const string Alerts = """
        subscription($merchantId: ID!) { merchantAlerts(merchantId: $merchantId) { id kind amount { minorUnits } } }
        """;

    [Fact]
    public async Task Payment_TakenOnTheStandbyNode_IsHeardOnTillsOfBothNodesWithoutWaitingForAPoll()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        var (merchantId, ownerToken, customerToken) = await PrepareAsync(stores);
        await using var nodes = await TwoNodeCluster.StartAsync(stores, new Dictionary<string, string>
        {
            ["RateLimits__Payments"] = "0",
            ["Projector__PollInterval"] = "00:00:05",
            ["Projector__LeaseTimeToLive"] = "00:00:30",
        });

        await using var tillOnA = await GraphQLWsTestClient.ConnectAsync(nodes.A.WebSocketUri, "Bearer " + ownerToken);
        await using var tillOnB = await GraphQLWsTestClient.ConnectAsync(nodes.B.WebSocketUri, "Bearer " + ownerToken);
        await tillOnA.SubscribeAsync("alerts", Alerts, new { merchantId });
        await tillOnB.SubscribeAsync("alerts", Alerts, new { merchantId });
        await nodes.WaitForAlertSubscribersAsync(merchantId, 2);
        var tills = new[] { tillOnA, tillOnB };
        var pay = new Payer(customerToken, merchantId);

        // Fresh processes compile their first queries, scripts and serializers on the first payments; a node in service has.
        await PayAndHearAsync(nodes, nodes.B, tills, pay, WarmUpPayments, "warm-up-b");
        await PayAndHearAsync(nodes, nodes.A, tills, pay, WarmUpPayments, "warm-up-a");
        var sameNode = await PayAndHearAsync(nodes, nodes.B, tills, pay, Payments, "b");
        var crossNode = await PayAndHearAsync(nodes, nodes.A, tills, pay, Payments, "a");

        output.WriteLine($"commit→alert, projector on B. Paid on B: till on A {Describe(sameNode[0])}; till on B {Describe(sameNode[1])}.");
        output.WriteLine($"Paid on A (standby): till on A {Describe(crossNode[0])}; till on B {Describe(crossNode[1])}.");
        Assert.True(Percentile(crossNode[1], 0.99) <= P99BoundMs, $"Paid on A, till on B: {Describe(crossNode[1])}");
        Assert.True(Percentile(crossNode[0], 0.99) <= P99BoundMs, $"Paid on A, till on A: {Describe(crossNode[0])}");
    }

    /// <summary>An approved merchant and a funded customer, made by an in-process host that then stops (handing over the lease).</summary>
    internal static async Task<(string MerchantId, string OwnerToken, string CustomerToken)> PrepareAsync(HostStores stores, long storedValue = 1_000_000)
    {
        await using var setup = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(setup);
        var (_, customerToken) = await merchant.FundedCustomerAsync(storedValue);
        await setup.WaitForProjectionsAsync();
        return (merchant.MerchantId, merchant.OwnerToken, customerToken);
    }

    /// <summary>Pays <paramref name="count"/> times on <paramref name="node"/>, one after the other; each till's commit→alert latencies, sorted.</summary>
    private static async Task<double[][]> PayAndHearAsync(TwoNodeCluster nodes, ApiNodeProcess node, GraphQLWsTestClient[] tills, Payer pay, int count, string keyPrefix)
    {
        var hearing = tills.Select(t => HearAsync(t, count)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var paid = await node.GraphQLAsync(pay.CustomerToken, Gql.Redeem, new { input = new { merchantId = pay.MerchantId, amount = 100 + i, idempotencyKey = $"{keyPrefix}-{i}" } });
            Assert.Empty(paid.Data("redeem").ErrorCodes());
        }

        var latencies = new List<double[]>();
        foreach (var heard in hearing)
        {
            latencies.Add(await LatenciesAsync(nodes, await heard));
        }

        return [.. latencies];
    }

    /// <summary>Each alert's position and when the till read it.</summary>
    private static async Task<Dictionary<long, DateTimeOffset>> HearAsync(GraphQLWsTestClient till, int count)
    {
        var heard = new Dictionary<long, DateTimeOffset>();
        while (heard.Count < count)
        {
            var message = await till.ReceiveAsync(TimeSpan.FromSeconds(30));
            var arrived = DateTimeOffset.UtcNow;
            Assert.Equal("next", message.Type);
            var alert = message.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");
            heard[AlertIds.Position(alert.GetProperty("id").GetString()!)] = arrived;
        }

        return heard;
    }

    private static async Task<double[]> LatenciesAsync(TwoNodeCluster nodes, Dictionary<long, DateTimeOffset> heard)
    {
        var committed = await nodes.CommitTimesAsync(heard.Keys);
        return heard.Select(h => (h.Value - committed[h.Key]).TotalMilliseconds).Order().ToArray();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Describe(double[] sorted) => string.Create(
        CultureInfo.InvariantCulture,
        $"n={sorted.Length} p50={Percentile(sorted, 0.5):F1} ms p90={Percentile(sorted, 0.9):F1} ms p99={Percentile(sorted, 0.99):F1} ms max={sorted[^1]:F1} ms");

    private sealed record Payer(string CustomerToken, string MerchantId);
}
