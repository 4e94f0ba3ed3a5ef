using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Transport.WebSockets;

/// <summary>
/// Issue 13, point 1: behind several nodes a user (or a client address) holds the configured number of sockets in
/// all, not that many per node; and the sockets of a node that disappeared stop counting once they expire.
/// </summary>
public sealed class CrossNodeWebSocketLimitTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ConnectionInit_OverTheUsersLimitAcrossTwoNodes_IsClosedWith4429_AndAClosedSocketFreesASlotOnTheOtherNode()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores, s => s["GraphQL:WebSockets:MaxConnectionsPerUser"] = "3");
        await using var nodeB = await CodeScanHost.StartAsync(stores, s => s["GraphQL:WebSockets:MaxConnectionsPerUser"] = "3");
        var token = "Bearer " + await nodeA.SignInAsync(Phones.Next());
        await using var firstOnA = await GraphQLWsTestClient.ConnectAsync(nodeA.WebSocketUri, token);
        await using var firstOnB = await GraphQLWsTestClient.ConnectAsync(nodeB.WebSocketUri, token);
        await using var secondOnA = await GraphQLWsTestClient.ConnectAsync(nodeA.WebSocketUri, token);

        // Node B holds one of the user's sockets: counted per node, it would accept two more.
        await using var fourth = await GraphQLWsTestClient.OpenAsync(nodeB.WebSocketUri);
        await fourth.InitAsync(token);

        var close = await fourth.ReceiveCloseAsync(Safety);
        Assert.Equal(4429, close.Code);
        Assert.Contains("user", close.Reason);
        await WebSocketSessionTests.AssertAnswersAsync(firstOnB);

        await firstOnA.CloseAsync();
        await using var again = await WebSocketLimitTests.ConnectEventuallyAsync(nodeB, token);
        await WebSocketSessionTests.AssertAnswersAsync(again);
    }

    [Fact]
    public async Task Socket_WhenANodeThatHeldTheAddresssSlotsDisappeared_IsAcceptedOnceTheirSlotsExpire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(StoreMode.MariaDbRedis, clock, s => s["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "2");
        await HoldSlotsOnAGoneNodeAsync(host, clock, "address:127.0.0.1", count: 2);

        await using var refused = await GraphQLWsTestClient.OpenAsync(host.WebSocketUri);
        var close = await refused.ReceiveCloseAsync(Safety);
        Assert.Equal(4429, close.Code);
        Assert.Contains("address", close.Reason);

        clock.Advance(RedisConnectionSlots.Expiry + TimeSpan.FromSeconds(1));

        await using var accepted = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri);
        await WebSocketSessionTests.AssertAnswersAsync(accepted);
    }

    /// <summary>What a node writes for its open sockets, and then, having died, never renews.</summary>
    private static async Task HoldSlotsOnAGoneNodeAsync(CodeScanHost host, TimeProvider clock, string key, int count)
    {
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var slots = host.Services.GetRequiredService<RedisKeys>().ConnectionSlots(key);
        var expires = (clock.GetUtcNow() + RedisConnectionSlots.Expiry).ToUnixTimeMilliseconds();
        var members = Enumerable.Range(1, count).Select(n => new SortedSetEntry($"gone-node:{n}", expires)).ToArray();
        Assert.Equal(count, await redis.GetDatabase().SortedSetAddAsync(slots, members));
    }
}
