using System.Net;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Identity;

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
        // A minute ahead of node A's, so node B sees the token as issued in its past. Node B's start waits for the read
        // models on this clock, which only the test moves: they are caught up (above), and a regression fails, not hangs.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        await using var nodeB = await CodeScanHost.StartAsync(stores, services: s => s.AddSingleton<TimeProvider>(clock)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await ApiCalls.PostAsync(nodeB, "{ me { id } }", token: access)).Status);

        var store = nodeA.Services.GetRequiredService<ISessionRevocationStore>();
        var revoked = new RevokedSession(SessionRevocationCalls.SessionOf(access), DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.True(await store.AddAsync(revoked, position: 1_000_000_000, CancellationToken.None));

        // More than a sync interval of real time changes nothing: the sync runs on node B's clock.
        await Task.Delay(SessionRevocationSync.SyncInterval + TimeSpan.FromMilliseconds(100));
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
