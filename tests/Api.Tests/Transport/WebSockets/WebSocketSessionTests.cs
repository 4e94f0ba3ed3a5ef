using CodeScan.Api.Tests.Identity;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Transport.WebSockets;

/// <summary>
/// A socket follows the rights it was opened with: it is closed with 4403 when its session ends or its
/// access token expires (unless a ping renewed it), and a staff feed ends with FORBIDDEN when the staff
/// member is removed or the merchant suspended.
/// </summary>
public abstract class WebSocketSessionTests(StoreMode mode)
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SignOut_ClosesTheSessionsSocketWith4403()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var session = await host.SignInFullyAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(session));

        await SignOutAsync(host, session);

        var close = await socket.ReceiveCloseAsync(Safety);
        Assert.Equal(4403, close.Code);
        Assert.Contains("session has ended", close.Reason);
    }

    [Fact]
    public async Task ReusedRefreshToken_ClosesTheSessionsSocketWith4403()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var session = await host.SignInFullyAsync(Phones.Next());
        var stolen = session["refreshToken"]!.GetValue<string>();
        var current = await host.RefreshAsync(stolen);
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(current));

        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await host.RefreshAsync(stolen)).ErrorCodes());

        Assert.Equal(4403, (await socket.ReceiveCloseAsync(Safety)).Code);
    }

    [Fact]
    public async Task SignOut_LeavesTheSameUsersOtherSessionsSocketOpen()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var phone = Phones.Next();
        var signedOut = await host.SignInFullyAsync(phone);
        var other = await host.SignInFullyAsync(phone);
        await using var closing = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(signedOut));
        await using var staying = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(other));

        await SignOutAsync(host, signedOut);

        Assert.Equal(4403, (await closing.ReceiveCloseAsync(Safety)).Code);
        await AssertAnswersAsync(staying);
    }

    [Fact]
    public async Task AccessTokenExpiry_ClosesTheSocketWith4403()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var session = await host.SignInFullyAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(session));
        clock.Advance(TimeSpan.FromMinutes(14));
        await AssertAnswersAsync(socket);

        clock.Advance(TimeSpan.FromMinutes(1));

        var close = await socket.ReceiveCloseAsync(Safety);
        Assert.Equal(4403, close.Code);
        Assert.Contains("expired", close.Reason);
    }

    [Fact]
    public async Task PingWithARefreshedToken_KeepsTheSocketOpenUntilTheNewTokenExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var session = await host.SignInFullyAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + Access(session));
        clock.Advance(TimeSpan.FromMinutes(10));
        var refreshed = await host.RefreshAsync(session["refreshToken"]!.GetValue<string>());

        await socket.PingAsync(new { authorization = "Bearer " + Access(refreshed) });
        var pong = await socket.ReceiveAsync(Safety);
        Assert.Equal("pong", pong.Type);
        Assert.Null(pong.Payload);
        clock.Advance(TimeSpan.FromMinutes(10));
        await AssertAnswersAsync(socket);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(4403, (await socket.ReceiveCloseAsync(Safety)).Code);
    }

    [Fact]
    public async Task PingWithAnotherUsersToken_ClosesTheSocketWith4403()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var mine = await host.SignInAsync(Phones.Next());
        var theirs = await host.SignInAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + mine);

        await socket.PingAsync(new { authorization = "Bearer " + theirs });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync(Safety)).Code);
    }

    [Fact]
    public async Task RemoveCashier_EndsTheCashiersMerchantAlertsWithForbidden_AndNotTheOwners()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (cashierPhone, cashierToken) = await WebSocketStaff.AddCashierAsync(merchant);
        await using var cashier = await WebSocketStaff.WatchAlertsAsync(host, merchant, cashierToken);
        await using var owner = await WebSocketStaff.WatchAlertsAsync(host, merchant, merchant.OwnerToken);

        await WebSocketStaff.RemoveCashierAsync(host, merchant, cashierPhone);

        WebSocketStaff.AssertForbidden(await cashier.ReceiveUntilDoneAsync("alerts", Safety));
        await AssertAnswersAsync(cashier);
        await merchant.FundedCustomerAsync(1_000);
        Assert.Equal("next", (await owner.ReceiveAsync(Safety)).Type);
    }

    [Fact]
    public async Task SuspendMerchant_EndsItsStaffsMerchantAlertsWithForbidden()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await using var owner = await WebSocketStaff.WatchAlertsAsync(host, merchant, merchant.OwnerToken);

        await WebSocketStaff.SuspendAsync(host, merchant);

        WebSocketStaff.AssertForbidden(await owner.ReceiveUntilDoneAsync("alerts", Safety));
    }

    /// <summary>docs/decisions/0015: while suspended, no live alerts (history by query unchanged); reinstated, staff subscribe again.</summary>
    [Fact]
    public async Task SuspendedMerchant_RefusesNewAlertSubscriptionsKeepsItsHistory_AndOnceReinstatedANewSubscriptionHearsPayments()
    {
        const string History = "query($merchantId: ID!) { merchantAlerts(merchantId: $merchantId, last: 1) { nodes { id kind } } }";
        const string AlertsAfter = "subscription($merchantId: ID!, $after: String) { merchantAlerts(merchantId: $merchantId, after: $after) { id kind } }";
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        await using var before = await WebSocketStaff.WatchAlertsAsync(host, merchant, merchant.OwnerToken);
        await WebSocketStaff.SuspendAsync(host, merchant);
        WebSocketStaff.AssertForbidden(await before.ReceiveUntilDoneAsync("alerts", Safety));

        await using var during = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await during.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        WebSocketStaff.AssertForbidden(await during.ReceiveUntilDoneAsync("alerts", Safety));
        await host.WaitForProjectionsAsync();
        var newest = Assert.Single((await host.GraphQLAsync(merchant.OwnerToken, History, new { merchantId = merchant.MerchantId }))
            .Data("merchantAlerts")["nodes"]!.AsArray())!;
        Assert.Equal("STORED_VALUE_RECHARGED", newest["kind"]!.GetValue<string>());

        await WebSocketStaff.ReinstateAsync(host, merchant);
        await using var after = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        // From the newest alert on, so a payment made before the feed is live on the server is still heard.
        await after.SubscribeAsync("alerts", AlertsAfter, new { merchantId = merchant.MerchantId, after = newest["id"]!.GetValue<string>() });
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var heard = await after.ReceiveAsync(Safety);
        Assert.True(heard.Type == "next", heard.Raw);
        Assert.Equal("STORED_VALUE_REDEEMED", heard.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SignOut_TheGraphQLWsClientSeesClose4403()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var session = await host.SignInFullyAsync(phone);
        var added = await host.GraphQLAsync(merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = merchant.MerchantId, phone } });
        Assert.Empty(added.Data("addCashier").ErrorCodes());
        await using var client = await GraphQLWsNodeClient.StartAsync(
            host.WebSocketUri, Access(session), Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId }, expectedCount: 1, TimeSpan.FromSeconds(60));
        await BusProbe.WaitForAccessSubscriberAsync(host, merchant.MerchantId);

        await SignOutAsync(host, session);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(client.WaitAsync);
        Assert.Contains("4403", failure.Message);
    }

    internal static string Access(System.Text.Json.Nodes.JsonObject session) => session["accessToken"]!.GetValue<string>();

    internal static async Task SignOutAsync(CodeScanHost node, System.Text.Json.Nodes.JsonObject session)
    {
        var signedOut = await node.GraphQLAsync(Access(session), IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } });
        Assert.Empty(signedOut.Data("signOut").ErrorCodes());
    }

    /// <summary>The socket is open and runs operations: a query over it is answered.</summary>
    internal static async Task AssertAnswersAsync(GraphQLWsTestClient socket)
    {
        var id = "me-" + Guid.NewGuid().ToString("N");
        await socket.SubscribeAsync(id, "{ __typename }");
        var messages = await socket.ReceiveUntilDoneAsync(id, Safety);
        Assert.Equal(["next", "complete"], messages.Select(m => m.Type));
    }
}

public sealed class EmbeddedWebSocketSessionTests() : WebSocketSessionTests(StoreMode.Embedded);

public sealed class MariaDbWebSocketSessionTests() : WebSocketSessionTests(StoreMode.MariaDbRedis);

/// <summary>Two API nodes on one MariaDB and one Redis: what ends a socket's rights on one node ends them on the other.</summary>
public sealed class WebSocketSessionScaleOutTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SignOut_OnOneNode_ClosesTheSocketOnTheOtherNodeWith4403()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var session = await nodeB.SignInFullyAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(nodeA.WebSocketUri, "Bearer " + WebSocketSessionTests.Access(session));

        await WebSocketSessionTests.SignOutAsync(nodeB, session);

        Assert.Equal(4403, (await socket.ReceiveCloseAsync(Safety)).Code);
    }

    [Fact]
    public async Task RemoveCashier_OnOneNode_EndsTheirMerchantAlertsOnTheOtherNode()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var merchant = await MerchantScenario.ApprovedAsync(nodeB);
        var (cashierPhone, cashierToken) = await WebSocketStaff.AddCashierAsync(merchant);
        await using var cashier = await WebSocketStaff.WatchAlertsAsync(nodeA, merchant, cashierToken);

        await WebSocketStaff.RemoveCashierAsync(nodeB, merchant, cashierPhone);

        WebSocketStaff.AssertForbidden(await cashier.ReceiveUntilDoneAsync("alerts", Safety));
    }
}

internal static class WebSocketStaff
{
    public static async Task<(string Phone, string Token)> AddCashierAsync(MerchantScenario merchant)
    {
        var phone = Phones.Next();
        var token = await merchant.Host.SignInAsync(phone);
        var added = await merchant.Host.GraphQLAsync(merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = merchant.MerchantId, phone } });
        Assert.Empty(added.Data("addCashier").ErrorCodes());
        return (phone, token);
    }

    /// <summary>A till on <paramref name="node"/> subscribed to the merchant's alerts (operation id "alerts"), once the feed is live.</summary>
    public static async Task<GraphQLWsTestClient> WatchAlertsAsync(CodeScanHost node, MerchantScenario merchant, string token)
    {
        var socket = await GraphQLWsTestClient.ConnectAsync(node.WebSocketUri, "Bearer " + token);
        await socket.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(node, merchant.MerchantId);
        return socket;
    }

    public static async Task RemoveCashierAsync(CodeScanHost node, MerchantScenario merchant, string phone)
    {
        var removed = await node.GraphQLAsync(merchant.OwnerToken, Gql.RemoveCashier, new { input = new { merchantId = merchant.MerchantId, phone } });
        Assert.Empty(removed.Data("removeCashier").ErrorCodes());
    }

    public static async Task SuspendAsync(CodeScanHost node, MerchantScenario merchant)
    {
        var admin = await node.SignInAsync(CodeScanHost.AdminPhone);
        var suspended = await node.GraphQLAsync(admin, Gql.SuspendMerchant, new { input = new { merchantId = merchant.MerchantId, reason = "complaints" } });
        Assert.Empty(suspended.Data("suspendMerchant").ErrorCodes());
    }

    public static async Task ReinstateAsync(CodeScanHost node, MerchantScenario merchant)
    {
        var admin = await node.SignInAsync(CodeScanHost.AdminPhone);
        var reinstated = await node.GraphQLAsync(admin, Gql.ReinstateMerchant, new { input = new { merchantId = merchant.MerchantId } });
        Assert.Empty(reinstated.Data("reinstateMerchant").ErrorCodes());
    }

    /// <summary>The operation ended with an <c>error</c> message whose code is FORBIDDEN.</summary>
    public static void AssertForbidden(IReadOnlyList<GraphQLWsReceivedMessage> messages)
    {
        var last = messages[^1];
        Assert.Equal("error", last.Type);
        Assert.Equal("FORBIDDEN", last.Payload!.Value[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
