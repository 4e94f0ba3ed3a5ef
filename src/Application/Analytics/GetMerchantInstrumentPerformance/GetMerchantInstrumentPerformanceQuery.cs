using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;

/// <summary>
/// How each of a merchant's coupon templates and card products did from one local date to another (both
/// included), in the merchant's time zone, from the daily rollups: the cost grows with the days, not the events.
/// </summary>
public sealed record GetMerchantInstrumentPerformanceQuery(MerchantId MerchantId, DateOnly From, DateOnly To, InstrumentPerformanceOrder OrderBy)
    : IQuery<InstrumentPerformanceReport>, IRequireMerchantAnalyst;

/// <summary>The report: a row per template or product, in the order asked for.</summary>
public sealed record InstrumentPerformanceReport(
    Guid MerchantId, string TimeZone, string Currency, DateOnly From, DateOnly To, IReadOnlyList<InstrumentPerformanceRow> Items);

public sealed class GetMerchantInstrumentPerformanceHandler(IPerformanceStore performance, IReadModelStore store, TimeProvider clock)
    : IQueryHandler<GetMerchantInstrumentPerformanceQuery, InstrumentPerformanceReport>
{
    public async ValueTask<InstrumentPerformanceReport> Handle(GetMerchantInstrumentPerformanceQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var currency = merchant?.Currency ?? Currencies.Default;
        var zone = merchant?.TimeZone ?? MerchantTimeZone.Default;
        var days = await performance.GetDaysAsync(PerformanceRollup.Local, merchantId, query.From, query.To, cancellationToken);
        var counters = SalesCounters.Sum(days);
        var expired = await new ExpiredCount(performance, merchantId, clock.GetUtcNow())
            .ByRowAsync(StartOf(query.From, zone), StartOf(query.To.AddDays(1), zone), cancellationToken);
        var items = await performance.GetItemsAsync(merchantId, cancellationToken);
        var rows = items
            .Select(item => InstrumentPerformanceRow.From(item, currency, counters, expired.GetValueOrDefault(PerformanceCounters.ItemKey(item.ItemId))))
            .ToList();
        return new InstrumentPerformanceReport(merchantId, zone, currency, query.From, query.To, InstrumentPerformanceRow.Sort(rows, query.OrderBy));
    }

    /// <summary>The instant a local date begins in the zone.</summary>
    public static DateTimeOffset StartOf(DateOnly day, string timeZone)
    {
        var zone = MerchantTimeZone.FindOrDefault(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
