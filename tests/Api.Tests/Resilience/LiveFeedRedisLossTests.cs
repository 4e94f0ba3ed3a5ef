using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using CodeScan.Application.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Resilience;

/// <summary>
/// A till's feed that loses Redis would otherwise go quiet without knowing it missed alerts (the client resubscribes
/// by itself once Redis is back, but what was published meanwhile is gone): it ends with UNAVAILABLE, a till that
/// subscribes while Redis is away is told the same at once, and once Redis is back a subscription resumed from the
/// last alert heard replays the payment taken during the outage.
/// </summary>
public sealed class LiveFeedRedisLossTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Alerts = """
        subscription($merchantId: ID!, $after: String) { merchantAlerts(merchantId: $merchantId, after: $after) { id amount { minorUnits } } }
        """;

    [Fact]
    public async Task MerchantAlerts_WhenTheBusLosesRedis_EndWithUnavailable_AndAResumedFeedHearsWhatWasMissed()
    {
        await using var redis = await ResilienceRedisServer.StartAsync();
        var stores = HostStores.Create(StoreMode.MariaDbRedis, redisConnectionString: redis.ConnectionString);
        await using var host = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();

        await using var till = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("live", Alerts, new { merchantId = merchant.MerchantId });
        await WaitForSubscriberAsync(redis, stores, merchant.MerchantId);
        await PayAsync(merchant, customer, 100);
        var cursor = AlertOf(await till.ReceiveAsync(Patience)).Id;

        await redis.KillAsync();
        AssertUnavailable(await till.ReceiveUntilDoneAsync("live", Patience));
        await till.SubscribeAsync("away", Alerts, new { merchantId = merchant.MerchantId, after = cursor });
        AssertUnavailable(await till.ReceiveUntilDoneAsync("away", Patience));

        // Payments do not need Redis; this one's alert is published to nobody.
        await PayAsync(merchant, customer, 200);
        await redis.RestartAsync();

        // The till resumes after the last alert it heard, as often as it is told UNAVAILABLE (until the node has reconnected).
        var deadline = DateTime.UtcNow + Patience;
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(DateTime.UtcNow < deadline, "The resumed feed never replayed the payment taken while Redis was away.");
            var id = $"resume-{attempt}";
            await till.SubscribeAsync(id, Alerts, new { merchantId = merchant.MerchantId, after = cursor });
            var first = await till.ReceiveAsync(Patience);
            Assert.Equal(id, first.Id);
            if (first.Type == "next")
            {
                var missed = AlertOf(first);
                Assert.Equal(200, missed.Amount);
                Assert.True(AlertIds.Position(missed.Id) > AlertIds.Position(cursor));
                return;
            }

            AssertUnavailable([first]);
        }
    }

    private static async Task PayAsync(MerchantScenario merchant, string customerToken, long amount)
    {
        var paid = await merchant.RedeemAsync(customerToken, amount);
        Assert.Empty(paid.Data("redeem").ErrorCodes());
    }

    private static (string Id, long Amount) AlertOf(GraphQLWsReceivedMessage message)
    {
        Assert.True(message.Type == "next", message.Raw);
        var alert = message.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");
        return (alert.GetProperty("id").GetString()!, alert.GetProperty("amount").GetProperty("minorUnits").GetInt64());
    }

    private static void AssertUnavailable(IReadOnlyList<GraphQLWsReceivedMessage> messages)
    {
        var last = messages[^1];
        Assert.True(last.Type == "error", last.Raw);
        Assert.Equal("UNAVAILABLE", last.Payload!.Value[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static async Task WaitForSubscriberAsync(ResilienceRedisServer redis, HostStores stores, string merchantId)
    {
        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        (options.SyncTimeout, options.AsyncTimeout) = (10_000, 10_000);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var channel = RedisChannel.Literal(stores.RedisPrefix + Channels.MerchantAlerts(ResiliencePayments.MerchantGuid(merchantId)));
        var deadline = DateTime.UtcNow + Patience;
        while (await connection.GetServers()[0].SubscriptionSubscriberCountAsync(channel) < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nobody subscribed to {channel}.");
            await Task.Delay(20);
        }
    }
}
