using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Rebuilds every read model from the event log from position zero into a fresh in-memory store, and
/// compares it with what the running projector produced.
/// </summary>
public static class ReadModelRebuild
{
    public static async Task AssertLiveEqualsRebuildAsync(CodeScanHost host, IReadOnlyCollection<(Guid MerchantId, Guid CustomerId)> wallets, IReadOnlyCollection<Guid> merchants)
    {
        await host.WaitForProjectionsAsync();
        var (rebuilt, rebuiltRecords) = await RebuildWithRecordsAsync(host);
        var live = host.Services.GetRequiredService<IReadModelStore>();
        var liveRecords = host.Services.GetRequiredService<IRecordStore>();
        var owners = wallets.Select(w => RecordOwner.Customer(w.CustomerId)).Concat(merchants.Select(RecordOwner.Merchant)).Distinct();
        foreach (var owner in owners)
        {
            var expected = await rebuiltRecords.ListAsync(owner, RecordFilter.All, long.MaxValue, 1_000_000, CancellationToken.None);
            var actual = await liveRecords.ListAsync(owner, RecordFilter.All, long.MaxValue, 1_000_000, CancellationToken.None);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected, actual);
        }

        foreach (var (merchantId, customerId) in wallets)
        {
            var expected = await rebuilt.GetWalletAsync(merchantId, customerId, CancellationToken.None);
            var actual = await live.GetWalletAsync(merchantId, customerId, CancellationToken.None);
            Assert.Equal(expected, actual);
        }

        foreach (var merchantId in merchants)
        {
            var expected = await rebuilt.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None);
            var actual = await live.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected, actual);
            Assert.Equal(await rebuilt.GetMerchantAsync(merchantId, CancellationToken.None), await live.GetMerchantAsync(merchantId, CancellationToken.None));
        }
    }

    public static async Task<IReadModelStore> RebuildAsync(CodeScanHost host) => (await RebuildWithRecordsAsync(host)).Store;

    private static async Task<(IReadModelStore Store, IRecordStore Records)> RebuildWithRecordsAsync(CodeScanHost host)
    {
        var store = new InMemoryReadModelStore();
        var records = new InMemoryRecordStore();
        var bus = new InProcessNotificationBus();
        IProjection[] projections =
        [
            new MerchantDirectoryProjection(store, bus), new WalletProjection(store, bus), new MerchantAlertProjection(store, new InMemoryAlertFeed(store, bus)), new RecordsProjection(records, store),
        ];

        await EventLogReplay.ApplyAllAsync(host, projections, twice: false);
        return (store, records);
    }
}
