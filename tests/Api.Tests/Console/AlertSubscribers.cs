using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

// Not "…Tests.Console": a namespace by that name would hide System.Console from every test namespace.
namespace CodeScan.Api.Tests.MerchantConsole;

/// <summary>
/// How many live alert subscriptions the service holds for a merchant, asked of the bus itself (as
/// <see cref="Support.BusProbe"/> does): proves from the server's side that a dropped page is really gone.
/// </summary>
public static class AlertSubscribers
{
    public static async Task WaitForNoneAsync(Support.CodeScanHost host, string merchantGlobalId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await CountAsync(host, merchantGlobalId) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service still holds an alert subscription for {merchantGlobalId}.");
            }

            await Task.Delay(20);
        }
    }

    public static async Task<long> CountAsync(Support.CodeScanHost host, string merchantGlobalId)
    {
        Assert.True(GraphQL.GlobalId.TryDecode(merchantGlobalId, "Merchant", out var merchantId));
        var channel = Channels.MerchantAlerts(merchantId);
        var bus = host.Services.GetRequiredService<INotificationBus>();
        if (bus is InProcessNotificationBus inProcess)
        {
            return inProcess.SubscriberCount(channel);
        }

        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = host.Services.GetRequiredService<RedisKeys>();
        return await redis.GetServers()[0].SubscriptionSubscriberCountAsync(keys.Channel(channel));
    }
}
