using System.Net;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Transport.WebSockets;

/// <summary>
/// Sockets per user and per client address (on every node: see <see cref="CrossNodeWebSocketLimitTests"/>), and
/// operations per socket, are limited; the socket over a limit is closed with 4429, the operation over it gets
/// TOO_MANY_OPERATIONS, and the service goes on answering meanwhile.
/// </summary>
public abstract class WebSocketLimitTests(StoreMode mode)
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ConnectionInit_OverTheUsersLimit_IsClosedWith4429_AndALeftSlotIsFreeAgain()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["GraphQL:WebSockets:MaxConnectionsPerUser"] = "2");
        var token = "Bearer " + await host.SignInAsync(Phones.Next());
        await using var first = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, token);
        await using var second = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, token);
        await using var someoneElse = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + await host.SignInAsync(Phones.Next()));

        await using var third = await GraphQLWsTestClient.OpenAsync(host.WebSocketUri);
        await third.InitAsync(token);

        var close = await third.ReceiveCloseAsync(Safety);
        Assert.Equal(4429, close.Code);
        Assert.Contains("user", close.Reason);
        await AssertHealthyAsync(host);
        await WebSocketSessionTests.AssertAnswersAsync(first);

        await first.CloseAsync();
        await using var again = await ConnectEventuallyAsync(host, token);
        await WebSocketSessionTests.AssertAnswersAsync(again);
    }

    [Fact]
    public async Task Socket_OverTheAddresssLimit_IsClosedWith4429()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "3");
        var open = new List<GraphQLWsTestClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri));
            }

            await using var fourth = await GraphQLWsTestClient.OpenAsync(host.WebSocketUri);

            var close = await fourth.ReceiveCloseAsync(Safety);
            Assert.Equal(4429, close.Code);
            Assert.Contains("address", close.Reason);
            await AssertHealthyAsync(host);
            await WebSocketSessionTests.AssertAnswersAsync(open[0]);
        }
        finally
        {
            foreach (var socket in open)
            {
                await socket.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Subscribe_OverTheSocketsLimit_IsRefusedWithTooManyOperations()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s => s["GraphQL:Transport:MaxOperationsPerSocket"] = "2");
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await socket.SubscribeAsync("a", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        await socket.SubscribeAsync("b", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });

        await socket.SubscribeAsync("c", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });

        var refused = (await socket.ReceiveUntilDoneAsync("c", Safety))[^1];
        Assert.Equal("error", refused.Type);
        Assert.Equal("TOO_MANY_OPERATIONS", refused.Payload!.Value[0].GetProperty("extensions").GetProperty("code").GetString());
        await AssertHealthyAsync(host);
    }

    private static async Task AssertHealthyAsync(CodeScanHost host)
    {
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>A closed socket frees its slot when the server has finished with it, a moment after the close handshake.</summary>
    internal static async Task<GraphQLWsTestClient> ConnectEventuallyAsync(CodeScanHost host, string token)
    {
        var deadline = DateTime.UtcNow + Safety;
        while (true)
        {
            var socket = await GraphQLWsTestClient.OpenAsync(host.WebSocketUri);
            await socket.InitAsync(token);
            try
            {
                if ((await socket.TryReceiveAsync(Safety))?.Type == "connection_ack")
                {
                    return socket;
                }
            }
            catch (InvalidOperationException)
            {
                // Closed with 4429: the old socket still held the slot.
            }

            await socket.DisposeAsync();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The user's slot was not freed after a socket closed.");
            }
        }
    }
}

public sealed class EmbeddedWebSocketLimitTests() : WebSocketLimitTests(StoreMode.Embedded);

public sealed class MariaDbWebSocketLimitTests() : WebSocketLimitTests(StoreMode.MariaDbRedis);
