using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

/// <summary>
/// Checking a token costs no query: revoked sessions are a set every node holds in memory, kept from the
/// event log through the revocation read model, so a revocation survives a restart.
/// </summary>
public abstract class SessionRevocationTests(StoreMode mode)
{
    [Fact]
    public async Task Wallet_WhenSignedIn_RunsNoDatabaseCommand()
    {
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(mode), services: DatabaseCommandProbe.Install(mode));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(1_000);
        await host.WaitForProjectionsAsync();
        var probe = host.Services.GetRequiredService<DatabaseCommandProbe>();

        // The control: the probe sees what a request that does read the database runs.
        var me = await SessionRevocationCalls.ProbedPostAsync(host, customer, "{ me { id } }");
        Assert.Equal(HttpStatusCode.OK, me.Response.Status);
        Assert.NotEmpty(probe.CommandsOf(me.Probe));

        var wallet = await SessionRevocationCalls.ProbedPostAsync(host, customer, Gql.Wallet, new { merchantId = merchant.MerchantId });

        Assert.Equal(HttpStatusCode.OK, wallet.Response.Status);
        Assert.Equal(1_000, wallet.Response.Json.Data("wallet")["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Empty(probe.CommandsOf(wallet.Probe));
    }

    [Fact]
    public async Task SignOut_ThenRestart_TheSessionIsStillRefused()
    {
        var stores = HostStores.Create(mode);
        string access;
        await using (var before = await CodeScanHost.StartAsync(stores))
        {
            var session = await before.SignInFullyAsync(Phones.Next());
            access = session["accessToken"]!.GetValue<string>();
            var signedOut = (await before.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } })).Data("signOut");
            Assert.Empty(signedOut.ErrorCodes());
            await before.WaitForProjectionsAsync();
        }

        // Embedded, the restarted node rebuilds its read models from the event log before it serves;
        // on Redis, it loads the revocation set Redis kept.
        await using var after = await CodeScanHost.StartAsync(stores);
        await SessionRevocationCalls.AssertRefusedAsync(after, access);
    }
}

public sealed class EmbeddedSessionRevocationTests() : SessionRevocationTests(StoreMode.Embedded);

public sealed class MariaDbSessionRevocationTests() : SessionRevocationTests(StoreMode.MariaDbRedis);

/// <summary>Two API nodes on one MariaDB and one Redis: a session revoked on one is refused by the other within the deadline.</summary>
public sealed class SessionRevocationScaleOutTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SignOut_OnOneNode_IsRefusedOnTheOtherNode()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var session = await nodeA.SignInFullyAsync(Phones.Next());
        var access = session["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: access)).Status);

        var signedOut = (await nodeA.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } })).Data("signOut");
        Assert.Empty(signedOut.ErrorCodes());

        await SessionRevocationCalls.AssertRefusedWithinAsync(nodeB, access, Deadline);
        await SessionRevocationCalls.AssertRefusedAsync(nodeB, access);
        await SessionRevocationCalls.AssertRefusedAsync(nodeA, access);
    }

    [Fact]
    public async Task ReusedRefreshToken_OnOneNode_RevokesTheSessionOnTheOtherNode()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var session = await nodeA.SignInFullyAsync(Phones.Next());
        var stolen = session["refreshToken"]!.GetValue<string>();
        var current = (await nodeA.RefreshAsync(stolen))["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: current)).Status);

        Assert.Equal(["REFRESH_TOKEN_INVALID"], (await nodeA.RefreshAsync(stolen)).ErrorCodes());

        await SessionRevocationCalls.AssertRefusedWithinAsync(nodeB, current, Deadline);
        await SessionRevocationCalls.AssertRefusedAsync(nodeB, session["accessToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignOut_BeforeANodeStarts_ThatNodeRefusesTheSessionFromItsFirstRequest()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        var session = await nodeA.SignInFullyAsync(Phones.Next());
        var access = session["accessToken"]!.GetValue<string>();
        Assert.Empty((await nodeA.GraphQLAsync(access, IdentityCalls.SignOut, new { input = new { refreshToken = session["refreshToken"]!.GetValue<string>() } })).Data("signOut").ErrorCodes());
        await nodeA.WaitForProjectionsAsync();

        await using var nodeB = await CodeScanHost.StartAsync(stores);

        await SessionRevocationCalls.AssertRefusedAsync(nodeB, access);
    }

    [Fact]
    public async Task Revocation_WhoseAnnouncementWasMissed_IsLearntFromTheReadModel()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        await using var nodeB = await CodeScanHost.StartAsync(stores);
        var access = (await nodeA.SignInFullyAsync(Phones.Next()))["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: access)).Status);

        // Straight into the read model, as the projector writes it (at a position past any in the log), but
        // with no announcement on the bus: node B can learn it only by comparing the store's version.
        var store = nodeA.Services.GetRequiredService<ISessionRevocationStore>();
        var revoked = new RevokedSession(SessionRevocationCalls.SessionOf(access), DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.True(await store.AddAsync(revoked, position: 1_000_000_000, CancellationToken.None));

        await SessionRevocationCalls.AssertRefusedWithinAsync(nodeB, access, Deadline);
    }

    /// <summary>
    /// The "within a second" of a missed announcement, on the node's own clock: node B runs on a fake one, so nothing
    /// but moving it on lets its sync run. Still accepted before, refused once the clock has moved at most a second.
    /// </summary>
    [Fact]
    public async Task Revocation_WhoseAnnouncementWasMissed_IsRefusedWithinASecondOfTheNodesClock()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        await using var nodeA = await CodeScanHost.StartAsync(stores);
        var access = (await nodeA.SignInFullyAsync(Phones.Next()))["accessToken"]!.GetValue<string>();
        await nodeA.WaitForProjectionsAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        await using var nodeB = await CodeScanHost.StartAsync(stores, services: s => s.AddSingleton<TimeProvider>(clock));
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: access)).Status);

        var store = nodeA.Services.GetRequiredService<ISessionRevocationStore>();
        var revoked = new RevokedSession(SessionRevocationCalls.SessionOf(access), DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.True(await store.AddAsync(revoked, position: 1_000_000_000, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: access)).Status);

        // The sync may be between two waits when the clock first moves: a second is two of its intervals.
        var moved = TimeSpan.Zero;
        var until = DateTime.UtcNow + Deadline;
        while ((await ApiCalls.PostAsync(nodeB, "{ __typename }", token: access)).Status != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < until, $"Node B still accepted the revoked session with its clock moved on {moved.TotalMilliseconds} ms.");
            if (moved < TimeSpan.FromSeconds(1))
            {
                clock.Advance(SessionRevocationSync.SyncInterval);
                moved += SessionRevocationSync.SyncInterval;
            }

            await Task.Delay(25);
        }

        Assert.InRange(moved, SessionRevocationSync.SyncInterval, TimeSpan.FromSeconds(1));
    }
}

internal static class SessionRevocationCalls
{
    /// <summary>Polls until the node refuses the token; fails when it still accepts it at the deadline.</summary>
    public static async Task AssertRefusedWithinAsync(CodeScanHost node, string token, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var response = await ApiCalls.PostAsync(node, "{ __typename }", token: token);
            if (response.Status == HttpStatusCode.Unauthorized)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"The node still accepted the revoked session after {deadline.TotalSeconds} s: {response}");
            await Task.Delay(25);
        }
    }

    /// <summary>Refused at once, on HTTP (401) and on a new WebSocket (4403).</summary>
    public static async Task AssertRefusedAsync(CodeScanHost node, string token)
    {
        var response = await ApiCalls.PostAsync(node, "{ me { id } }", token: token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);

        await using var socket = await GraphQLWsTestClient.OpenAsync(node.WebSocketUri);
        await socket.InitAsync("Bearer " + token);
        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    /// <summary>POSTs a request marked for the <see cref="DatabaseCommandProbe"/>; returns the response and the mark.</summary>
    public static async Task<(ApiResponse Response, string Probe)> ProbedPostAsync(CodeScanHost host, string token, string query, object? variables = null)
    {
        var probe = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(ApiCalls.Body(query, variables), Encoding.UTF8, ApiCalls.Json) };
        request.Headers.Add(DatabaseCommandProbe.Header, probe);
        return (await ApiCalls.SendAsync(host, request, token, accept: null, authorization: null), probe);
    }

    /// <summary>The sign-in session (refresh-token family) an access token was issued for.</summary>
    public static Guid SessionOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))!;
        return Guid.Parse(json["sid"]!.GetValue<string>());
    }
}
