using System.Net.Http.Headers;
using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Records;

/// <summary>
/// Issue 12, point 7: the records export is written as the store is read. 1,010 records are more than two of its
/// pages (500 each); the store is held on the second read, and the header and the first page must reach the client
/// meanwhile (an export built whole in memory never would). Once released, every record comes out exactly once,
/// newest first, the same records in the same order as paging <c>merchantRecords</c>.
/// </summary>
public abstract class RecordsExportStreamingTests(StoreMode mode)
{
    private const int Records = 1_010;
    private const int Page = 500;

    [Fact]
    public async Task RecordsCsv_OfMoreThanTwoPages_SendsTheFirstPageBeforeTheSecondIsReadAndEveryRecordOnce()
    {
        var gate = new HeldStore.Gate();
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(mode), services: s => HeldStore.Install(s, gate));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, _) = await RecordsTests.CustomerAsync(host);
        var amounts = Enumerable.Range(0, Records).Select(i => 10_000L + i).ToList();
        foreach (var batch in amounts.Chunk(50).Chunk(4))
        {
            await Task.WhenAll(batch.SelectMany(b => b.Chunk(10)).Select(chunk => RecordsPagingTests.RechargeBatchAsync(merchant, phone, chunk)));
        }

        await host.WaitForProjectionsAsync(TimeSpan.FromSeconds(60));
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");
        using var request = new HttpRequestMessage(HttpMethod.Get, RecordsExportCalls.Path(merchant.MerchantId, today.AddDays(-1), today.AddDays(1)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", merchant.OwnerToken);

        gate.Armed = true;
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstPage = new List<string>();
        for (var i = 0; i <= Page; i++)
        {
            firstPage.Add((await body.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!);
        }

        // The first page is here while the store is held; the export goes on to ask for the second (the server may
        // still be between the flush and that read, so wait for the read, not for time).
        Assert.False(gate.Released.Task.IsCompleted);
        await gate.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));
        gate.Release();
        var rest = await body.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        var rows = SalesExportCalls.Parse(string.Join("\r\n", firstPage) + "\r\n" + rest, RecordsExportCalls.Header);
        var ids = rows.Select(r => long.Parse(r["record_id"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Records, rows.Count);
        Assert.Equal(ids.Distinct().OrderDescending(), ids);
        Assert.Equal(amounts, rows.Select(r => long.Parse(r["amount_minor"], System.Globalization.CultureInfo.InvariantCulture)).Order());
        var field = await host.PageAllAsync(merchant.OwnerToken, "merchantRecords", new() { ["m"] = merchant.MerchantId }, 100);
        Assert.Equal(field.Select(r => r.Position()), ids);
    }

    /// <summary>The host's own records store, held on a read below the head (the export's second page) once armed, until released.</summary>
    private sealed class HeldStore(IRecordStore inner, HeldStore.Gate gate) : IRecordStore
    {
        public static void Install(IServiceCollection services, Gate gate)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IRecordStore));
            services.AddSingleton<IRecordStore>(sp => new HeldStore((IRecordStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), gate));
        }

        public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken) => inner.AppendAsync(entry, cancellationToken);

        public Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
            inner.GetBalanceAsync(merchantId, customerId, cancellationToken);

        public async Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken)
        {
            if (gate.Armed && beforePosition != long.MaxValue)
            {
                gate.Waiting.TrySetResult();
                await gate.Released.Task;
            }

            return await inner.ListAsync(owner, filter, beforePosition, limit, cancellationToken);
        }

        public sealed class Gate
        {
            public volatile bool Armed;

            public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public void Release()
            {
                Armed = false;
                Released.SetResult();
            }
        }
    }
}

public sealed class EmbeddedRecordsExportStreamingTests() : RecordsExportStreamingTests(StoreMode.Embedded);

public sealed class MariaDbRecordsExportStreamingTests() : RecordsExportStreamingTests(StoreMode.MariaDbRedis);
