using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetMerchantSales;

/// <summary>
/// A merchant's sales from one local date to another (both included), a row per day, week or month, in the
/// merchant's time zone, added up from the daily rollups: the cost grows with the days, not the payments.
/// </summary>
public sealed record GetMerchantSalesQuery(MerchantId MerchantId, DateOnly From, DateOnly To, SalesGranularity Granularity)
    : IQuery<MerchantSalesReport>, IRequireMerchantAnalyst;

/// <summary>The report: a row per period (the first and last clipped to the range) and the range's total.</summary>
public sealed record MerchantSalesReport(
    Guid MerchantId, string TimeZone, string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity, IReadOnlyList<SalesPeriod> Periods, SalesPeriod Total);

public sealed class GetMerchantSalesHandler(ISalesStore sales, IReadModelStore store) : IQueryHandler<GetMerchantSalesQuery, MerchantSalesReport>
{
    public async ValueTask<MerchantSalesReport> Handle(GetMerchantSalesQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;

        // The directory may lag a merchant registered a moment ago; it has no sales yet either way.
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var currency = merchant?.Currency ?? Currencies.Default;
        var days = await sales.GetDaysAsync(merchantId, query.From, query.To, cancellationToken);
        var (periods, total) = SalesReportPeriods.Of(days, query.From, query.To, query.Granularity, currency);
        return new MerchantSalesReport(
            merchantId, merchant?.TimeZone ?? MerchantTimeZone.Default, currency,
            query.From, query.To, query.Granularity, periods, total);
    }
}
