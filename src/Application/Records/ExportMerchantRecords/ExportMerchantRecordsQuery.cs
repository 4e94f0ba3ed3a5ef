using System.Runtime.CompilerServices;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Records.ExportMerchantRecords;

/// <summary>
/// A merchant's records from one local date to another (both included, in the merchant's time zone now), for BI
/// tools: every record <c>merchantRecords</c> lists over that window, newest first, read a page at a time as the
/// caller consumes them, so a year of records never sits in memory. Authorized like <c>merchantRecords</c>: the
/// owner and the cashiers (phones are masked in the records themselves).
/// </summary>
public sealed record ExportMerchantRecordsQuery(MerchantId MerchantId, DateOnly From, DateOnly To)
    : IQuery<RecordsExport>, IRequireMerchantStaff;

/// <summary>The export's heading facts and its records, read lazily, newest first (by event-log position).</summary>
public sealed record RecordsExport(Guid MerchantId, string TimeZone, DateOnly From, DateOnly To, IAsyncEnumerable<RecordEntry> Records);

public sealed class ExportMerchantRecordsHandler(IRecordStore records, IReadModelStore store) : IQueryHandler<ExportMerchantRecordsQuery, RecordsExport>
{
    /// <summary>How many records one read of the store returns.</summary>
    public const int PageRecords = 500;

    public async ValueTask<RecordsExport> Handle(ExportMerchantRecordsQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var zone = merchant?.TimeZone ?? MerchantTimeZone.Default;
        var window = new RecordFilter(
            [], merchantId, GetMerchantInstrumentPerformanceHandler.StartOf(query.From, zone), GetMerchantInstrumentPerformanceHandler.StartOf(query.To.AddDays(1), zone));
        return new RecordsExport(merchantId, zone, query.From, query.To, RecordsAsync(RecordOwner.Merchant(merchantId), window, CancellationToken.None));
    }

    /// <summary>Page after page below the last position seen (or where a scan stopped early) until the store has nothing older in the window.</summary>
    private async IAsyncEnumerable<RecordEntry> RecordsAsync(RecordOwner owner, RecordFilter window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var before = long.MaxValue;
        while (true)
        {
            var page = await records.ListAsync(owner, window, before, PageRecords, cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.ResumeBelow is { } resume)
            {
                before = resume;
            }
            else if (page.Count == PageRecords)
            {
                before = page[^1].Position;
            }
            else
            {
                yield break;
            }
        }
    }
}
