using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Analytics.GetPlatformSales;

/// <summary>
/// The platform's sales in one currency, every merchant trading in it together, from one date to another (both
/// included), a row per day, week or month. A sale counts on the day it was made in its merchant's own time
/// zone, as in that merchant's report, so the platform's figures are the sum of the merchants' to the cent.
/// </summary>
public sealed record GetPlatformSalesQuery(string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity)
    : IQuery<PlatformSalesReport>, IRequirePlatformAnalyst;

public sealed record PlatformSalesReport(
    string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity, IReadOnlyList<SalesPeriod> Periods, SalesPeriod Total);

public sealed class GetPlatformSalesHandler(ISalesStore sales) : IQueryHandler<GetPlatformSalesQuery, PlatformSalesReport>
{
    public async ValueTask<PlatformSalesReport> Handle(GetPlatformSalesQuery query, CancellationToken cancellationToken)
    {
        var days = await sales.GetDaysAsync(PlatformScope.Of(query.Currency), query.From, query.To, cancellationToken);
        var (periods, total) = SalesReportPeriods.Of(days, query.From, query.To, query.Granularity, query.Currency);
        return new PlatformSalesReport(query.Currency, query.From, query.To, query.Granularity, periods, total);
    }
}
