using CodeScan.Application.Analytics;
using CodeScan.Application.Projections;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Rebuilds the liability rollups from the event log from position zero into a fresh in-memory store (with the
/// merchant directory it reads the time zones from), applying every batch twice, and compares every day —
/// past and ahead, where aging moves and expiries are written — with what the running projector kept.
/// </summary>
public static class LiabilityRebuild
{
    /// <summary>Far enough ahead for every move an instrument valid for the longest validity can have.</summary>
    public static readonly DateOnly Horizon = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(12);

    public static async Task<ILiabilityStore> AssertLiveEqualsRebuildAsync(CodeScanHost host, IReadOnlyCollection<Guid> merchants)
    {
        await host.WaitForProjectionsAsync();
        var rebuilt = await RebuildAsync(host);
        var live = host.Services.GetRequiredService<ILiabilityStore>();
        foreach (var scope in merchants.Append(PlatformScope.Of("CNY")))
        {
            var expected = await rebuilt.GetDaysAsync(scope, Horizon, CancellationToken.None);
            var actual = await live.GetDaysAsync(scope, Horizon, CancellationToken.None);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(d => d.Day), actual.Select(d => d.Day));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Counters.OrderBy(c => c.Key), actual[i].Counters.OrderBy(c => c.Key));
            }
        }

        return rebuilt;
    }

    private static async Task<ILiabilityStore> RebuildAsync(CodeScanHost host)
    {
        var store = new InMemoryReadModelStore();
        var liability = new InMemoryLiabilityStore();
        IProjection[] projections = [new MerchantDirectoryProjection(store, new InProcessNotificationBus()), new LiabilityProjection(liability, store)];
        await EventLogReplay.ApplyAllAsync(host, projections);
        return liability;
    }
}
