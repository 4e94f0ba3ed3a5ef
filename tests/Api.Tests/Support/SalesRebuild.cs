using CodeScan.Application.Analytics;
using CodeScan.Application.Projections;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Rebuilds the sales rollups from the event log from position zero into fresh in-memory stores (with the
/// merchant directory they read the time zones from), applying every batch twice, and compares them with what
/// the running projector kept.
/// </summary>
public static class SalesRebuild
{
    public static async Task AssertLiveEqualsRebuildAsync(CodeScanHost host, IReadOnlyCollection<Guid> merchants, DateOnly from, DateOnly to)
    {
        await host.WaitForProjectionsAsync();
        var rebuilt = await RebuildAsync(host);
        var live = host.Services.GetRequiredService<ISalesStore>();
        foreach (var merchantId in merchants)
        {
            var expected = await rebuilt.GetDaysAsync(merchantId, from, to, CancellationToken.None);
            var actual = await live.GetDaysAsync(merchantId, from, to, CancellationToken.None);
            Assert.Contains(expected, day => day.Count > 0);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].OrderBy(c => c.Key), actual[i].OrderBy(c => c.Key));
            }
        }
    }

    private static async Task<ISalesStore> RebuildAsync(CodeScanHost host)
    {
        var store = new InMemoryReadModelStore();
        var sales = new InMemorySalesStore();
        IProjection[] projections = [new MerchantDirectoryProjection(store, new InProcessNotificationBus()), new SalesProjection(sales, store)];
        await EventLogReplay.ApplyAllAsync(host, projections);
        return sales;
    }
}
