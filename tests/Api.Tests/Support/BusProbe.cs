using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// graphql-transport-ws has no acknowledgement of a subscribe message, so tests ask the bus itself (the
/// in-process registry, or Redis PUBSUB NUMSUB on every node) whether a subscription is live before they pay.
/// </summary>
public static class BusProbe
{
    public static Task WaitForAlertSubscriberAsync(CodeScanHost host, string merchantGlobalId)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var merchantId));
        return WaitForSubscriberAsync(host, Channels.MerchantAlerts(merchantId));
    }

    /// <summary>Waits until a staff-only feed of the merchant listens for changes of its staff (it does so before it goes live).</summary>
    public static Task WaitForAccessSubscriberAsync(CodeScanHost host, string merchantGlobalId)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var merchantId));
        return WaitForSubscriberAsync(host, Channels.MerchantAccess(merchantId));
    }

    public static async Task WaitForWalletSubscriberAsync(CodeScanHost host, string merchantGlobalId, string customerToken)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var merchantId));
        var me = await host.GraphQLAsync(customerToken, "{ me { id } }");
        Assert.True(GraphQL.GlobalId.TryDecode(me.Data("me")["id"]!.GetValue<string>(), "User", out var customerId));
        await WaitForSubscriberAsync(host, Channels.WalletChanged(merchantId, customerId));
    }

    public static async Task WaitForReviewSubscriberAsync(CodeScanHost host, string applicantToken)
    {
        var me = await host.GraphQLAsync(applicantToken, "{ me { id } }");
        Assert.True(GraphQL.GlobalId.TryDecode(me.Data("me")["id"]!.GetValue<string>(), "User", out var userId));
        await WaitForSubscriberAsync(host, Channels.MerchantReviewed(userId));
    }

    public static async Task WaitForSubscriberAsync(CodeScanHost host, string channel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await CountAsync(host, channel) == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No subscriber appeared on {channel}.");
            }

            await Task.Delay(20);
        }
    }

    private static async Task<long> CountAsync(CodeScanHost host, string channel)
    {
        var bus = host.Services.GetRequiredService<INotificationBus>();
        if (bus is InProcessNotificationBus inProcess)
        {
            return inProcess.SubscriberCount(channel);
        }

        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = host.Services.GetRequiredService<RedisKeys>();

        // On a Redis Cluster each node counts the subscribers connected to it.
        var counts = await Task.WhenAll(redis.GetServers().Where(s => s.IsConnected).Select(s => s.SubscriptionSubscriberCountAsync(keys.Channel(channel))));
        return counts.Sum();
    }
}
