using CodeScan.Api.Tests.Support;
using CodeScan.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Security;

/// <summary>
/// The service's rate limiter (in memory when embedded, in Redis otherwise): a window starts at a key's first call
/// and follows the service's clock, so expiry is tested by moving a fake clock on, never by waiting.
/// </summary>
public abstract class RateLimiterTests(StoreMode mode)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryAcquire_WhenPermitsAreUsedUp_RefusesUntilTheWindowThatBeganAtTheFirstCallEnds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var limiter = host.Services.GetRequiredService<IRateLimiter>();
        var key = "test:" + Guid.NewGuid().ToString("N");

        clock.Advance(TimeSpan.FromSeconds(17));
        Assert.Equal(new[] { true, true, true, false }, await TakeAsync(limiter, key, 4));
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new[] { false }, await TakeAsync(limiter, key, 1));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new[] { true, true, true, false }, await TakeAsync(limiter, key, 4));
    }

    [Fact]
    public async Task TryAcquire_CountsEachKeyOnItsOwn()
    {
        await using var host = await CodeScanHost.StartAsync(mode, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var limiter = host.Services.GetRequiredService<IRateLimiter>();

        Assert.Equal(new[] { true, true, true, false }, await TakeAsync(limiter, "test:" + Guid.NewGuid().ToString("N"), 4));
        Assert.Equal(new[] { true, true, true, false }, await TakeAsync(limiter, "test:" + Guid.NewGuid().ToString("N"), 4));
    }

    internal static async Task<bool[]> TakeAsync(IRateLimiter limiter, string key, int calls, int permits = 3)
    {
        var taken = new bool[calls];
        for (var i = 0; i < calls; i++)
        {
            taken[i] = await limiter.TryAcquireAsync(key, permits, Window, CancellationToken.None);
        }

        return taken;
    }
}

public sealed class EmbeddedRateLimiterTests() : RateLimiterTests(StoreMode.Embedded);

public sealed class MariaDbRateLimiterTests() : RateLimiterTests(StoreMode.MariaDbRedis)
{
    /// <summary>Two nodes of one deployment (same Redis prefix) count together; with per-node counts this gets 6 permits.</summary>
    [Fact]
    public async Task TryAcquire_OnTwoNodesOfOneDeployment_SharesThePermits()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var nodeA = await CodeScanHost.StartAsync(stores, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var nodeB = await CodeScanHost.StartAsync(stores, services: s => s.AddSingleton<TimeProvider>(clock));
        var limiters = new[] { nodeA, nodeB }.Select(n => n.Services.GetRequiredService<IRateLimiter>()).ToArray();
        var key = "test:" + Guid.NewGuid().ToString("N");

        var taken = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            taken.AddRange(await TakeAsync(limiters[i % 2], key, 1));
        }

        Assert.Equal(new[] { true, true, true, false, false, false }, taken);
    }
}
