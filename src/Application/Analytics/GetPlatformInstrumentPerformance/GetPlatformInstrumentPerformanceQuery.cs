using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;

/// <summary>
/// How coupons, times cards and membership cards did across the platform in one currency, every merchant trading in
/// it together, from one date to another (both included): a row per kind, always all three, from the platform's
/// daily rollups, so the cost grows with the days, not with the merchants or the events. Issuance, payments and
/// reversals count on their merchant's own local day (the rows are the sums of the merchants' reports); expiry is a
/// matter of time, not an event, and counts over the dates in the platform's home zone (Shanghai), as
/// <c>platformLiability</c>'s "today" does.
/// </summary>
public sealed record GetPlatformInstrumentPerformanceQuery(string Currency, DateOnly From, DateOnly To)
    : IQuery<PlatformInstrumentPerformanceReport>, IRequirePlatformAnalyst;

/// <summary>The report: a row per kind of instrument, coupons first; <see cref="TimeZone"/> is the zone of the expiry window.</summary>
public sealed record PlatformInstrumentPerformanceReport(
    string Currency, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<InstrumentPerformanceRow> Kinds);

public sealed class GetPlatformInstrumentPerformanceHandler(IPerformanceStore performance, TimeProvider clock)
    : IQueryHandler<GetPlatformInstrumentPerformanceQuery, PlatformInstrumentPerformanceReport>
{
    public async ValueTask<PlatformInstrumentPerformanceReport> Handle(GetPlatformInstrumentPerformanceQuery query, CancellationToken cancellationToken)
    {
        var scope = PlatformScope.Of(query.Currency);
        var zone = MerchantTimeZone.Default;
        var days = await performance.GetDaysAsync(PerformanceRollup.Local, scope, query.From, query.To, cancellationToken);
        var counters = SalesCounters.Sum(days);
        var expired = await new ExpiredCount(performance, scope, clock.GetUtcNow()).ByRowAsync(
            GetMerchantInstrumentPerformanceHandler.StartOf(query.From, zone), GetMerchantInstrumentPerformanceHandler.StartOf(query.To.AddDays(1), zone), cancellationToken);
        var rows = Enum.GetValues<PerformanceItemKind>()
            .Select(kind => InstrumentPerformanceRow.From(
                new PerformanceItem(Guid.Empty, kind, kind.ToString()), query.Currency, counters, expired.GetValueOrDefault(kind.ToString()), kind.ToString()))
            .ToList();
        return new PlatformInstrumentPerformanceReport(query.Currency, zone, query.From, query.To, rows);
    }
}
