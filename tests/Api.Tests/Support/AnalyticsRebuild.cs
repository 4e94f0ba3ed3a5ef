using System.Text.Json;
using CodeScan.Application.Analytics;
using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Analytics.GetPlatformCustomers;
using CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;
using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Rebuilds the performance and customer read models from the event log from position zero into fresh in-memory
/// stores (with the merchant directory and wallets they read), applying every batch twice, and compares the
/// reports they give — for the merchants, for the platform in every currency, and rollup by rollup — with what the running
/// projector kept.
/// </summary>
public static class AnalyticsRebuild
{
    public static async Task AssertLiveEqualsRebuildAsync(CodeScanHost host, IReadOnlyCollection<Guid> merchants, DateOnly from, DateOnly to)
    {
        await host.WaitForProjectionsAsync();
        var (performance, customers) = await RebuildAsync(host);
        var live = host.Services.GetRequiredService<IPerformanceStore>();
        var liveCustomers = host.Services.GetRequiredService<ICustomerStore>();
        var directory = host.Services.GetRequiredService<IReadModelStore>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var instruments = false;
        var payments = false;
        foreach (var merchantId in merchants)
        {
            var query = new GetMerchantInstrumentPerformanceQuery(new MerchantId(merchantId), from, to, InstrumentPerformanceOrder.Issued);
            var expected = await new GetMerchantInstrumentPerformanceHandler(performance, directory, clock).Handle(query, CancellationToken.None);
            var actual = await new GetMerchantInstrumentPerformanceHandler(live, directory, clock).Handle(query, CancellationToken.None);
            instruments |= expected.Items.Count > 0;
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

            var byWeek = new GetMerchantCustomersQuery(new MerchantId(merchantId), from, to, SalesGranularity.Week);
            var expectedCustomers = await new GetMerchantCustomersHandler(customers, directory).Handle(byWeek, CancellationToken.None);
            payments |= expectedCustomers.Total.Active > 0;
            Assert.Equal(
                JsonSerializer.Serialize(expectedCustomers),
                JsonSerializer.Serialize(await new GetMerchantCustomersHandler(liveCustomers, directory).Handle(byWeek, CancellationToken.None)));
        }

        foreach (var rollup in Enum.GetValues<PerformanceRollup>())
        {
            var expectedDays = await performance.GetDaysAsync(rollup, PlatformScope.Of("CNY"), from.AddDays(-1), to.AddDays(400), CancellationToken.None);
            var actualDays = await live.GetDaysAsync(rollup, PlatformScope.Of("CNY"), from.AddDays(-1), to.AddDays(400), CancellationToken.None);
            Assert.Equal(instruments, expectedDays.Any(day => day.Count > 0));
            Assert.Equal(expectedDays.Select(d => d.OrderBy(c => c.Key)), actualDays.Select(d => d.OrderBy(c => c.Key)));
        }

        Assert.True(instruments || payments, "Nothing to compare: no coupon, card or payment in the range.");
        Assert.Equal(
            await customers.GetDaysAsync(PlatformScope.Of("CNY"), from, to, CancellationToken.None),
            await liveCustomers.GetDaysAsync(PlatformScope.Of("CNY"), from, to, CancellationToken.None));
        await AssertPlatformReportsAsync((performance, customers), (live, liveCustomers), clock, from, to);
    }

    /// <summary>The platform's performance and customer reports, in each currency, from the rebuilt stores and the live ones.</summary>
    private static async Task AssertPlatformReportsAsync(
        (IPerformanceStore Performance, ICustomerStore Customers) rebuilt, (IPerformanceStore Performance, ICustomerStore Customers) live, TimeProvider clock, DateOnly from, DateOnly to)
    {
        foreach (var currency in Currencies.Supported)
        {
            var performance = new GetPlatformInstrumentPerformanceQuery(currency, from, to);
            Assert.Equal(
                JsonSerializer.Serialize(await new GetPlatformInstrumentPerformanceHandler(rebuilt.Performance, clock).Handle(performance, CancellationToken.None)),
                JsonSerializer.Serialize(await new GetPlatformInstrumentPerformanceHandler(live.Performance, clock).Handle(performance, CancellationToken.None)));
            var byWeek = new GetPlatformCustomersQuery(currency, from, to, SalesGranularity.Week);
            Assert.Equal(
                JsonSerializer.Serialize(await new GetPlatformCustomersHandler(rebuilt.Customers).Handle(byWeek, CancellationToken.None)),
                JsonSerializer.Serialize(await new GetPlatformCustomersHandler(live.Customers).Handle(byWeek, CancellationToken.None)));
        }
    }

    private static async Task<(IPerformanceStore Performance, ICustomerStore Customers)> RebuildAsync(CodeScanHost host)
    {
        var store = new InMemoryReadModelStore();
        var performance = new InMemoryPerformanceStore();
        var customers = new InMemoryCustomerStore();
        var bus = new InProcessNotificationBus();
        IProjection[] projections =
        [
            new MerchantDirectoryProjection(store, bus), new WalletProjection(store, bus),
            new PerformanceProjection(performance, store), new CustomerProjection(customers, store),
        ];
        await EventLogReplay.ApplyAllAsync(host, projections);
        return (performance, customers);
    }
}
