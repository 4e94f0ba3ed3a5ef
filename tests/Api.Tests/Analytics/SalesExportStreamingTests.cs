using System.Net.Http.Headers;
using CodeScan.Application.Analytics;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CodeScan.Api.Tests.Analytics.SalesExportCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, point 7: an export is written as its days are read. The rollups store is held at its second page;
/// the header and the first month must reach the client meanwhile (an export built whole in memory never would),
/// and the rest follows once the store answers: ten years of days, one row each.
/// </summary>
public abstract class SalesExportStreamingTests(StoreMode mode)
{
    [Fact]
    public async Task SalesCsv_OfTenYears_SendsTheFirstPageBeforeTheSecondIsRead()
    {
        var gate = new HeldStore.Gate();
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(mode), services: s => HeldStore.Install(s, gate));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var from = new DateOnly(2016, 1, 1);
        var to = from.AddDays(3_659);
        using var request = new HttpRequestMessage(HttpMethod.Get, SalesCsvPath(merchant.MerchantId, from, to));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", merchant.OwnerToken);

        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        var header = await body.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var first = await body.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(gate.Released.Task.IsCompleted);

        // The client may read the first page a moment before the export asks for the second: wait for the ask.
        await gate.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));
        gate.Released.SetResult();
        var rest = await body.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal(string.Join(',', Header), header);
        Assert.StartsWith("2016-01-01,Asia/Shanghai,CNY,0,0.00,", first, StringComparison.Ordinal);
        var rows = Parse(string.Join("\r\n", header, first, rest));
        Assert.Equal(3_660, rows.Count);
        Assert.Equal(SalesCalls.Iso(to), rows[^1]["date"]);
    }

    /// <summary>The host's own rollups store, held on the export's second read until the test releases it.</summary>
    private sealed class HeldStore(ISalesStore inner, HeldStore.Gate gate) : ISalesStore
    {
        public static void Install(IServiceCollection services, Gate gate)
        {
            var registered = services.Last(d => d.ServiceType == typeof(ISalesStore));
            services.AddSingleton<ISalesStore>(sp => new HeldStore((ISalesStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), gate));
        }

        public Task AddAsync(Guid merchantId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken) =>
            inner.AddAsync(merchantId, day, position, counters, cancellationToken);

        public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            if (from.Year == 2016 && from.DayOfYear > 1)
            {
                gate.Waiting.TrySetResult();
                await gate.Released.Task;
            }

            return await inner.GetDaysAsync(merchantId, from, to, cancellationToken);
        }

        public sealed class Gate
        {
            public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}

public sealed class EmbeddedSalesExportStreamingTests() : SalesExportStreamingTests(StoreMode.Embedded);

public sealed class MariaDbSalesExportStreamingTests() : SalesExportStreamingTests(StoreMode.MariaDbRedis);
