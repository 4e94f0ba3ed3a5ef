using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetMerchantCustomers;

/// <summary>
/// A merchant's customers from one local date to another (both included), a row per day, week or month, in the
/// merchant's time zone (<see cref="CustomerReportPeriods"/>).
/// </summary>
public sealed record GetMerchantCustomersQuery(MerchantId MerchantId, DateOnly From, DateOnly To, SalesGranularity Granularity)
    : IQuery<MerchantCustomersReport>, IRequireMerchantAnalyst;

public sealed record MerchantCustomersReport(
    Guid MerchantId, string TimeZone, string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity, IReadOnlyList<CustomerPeriod> Periods, CustomerPeriod Total);

public sealed class GetMerchantCustomersHandler(ICustomerStore customers, IReadModelStore store) : IQueryHandler<GetMerchantCustomersQuery, MerchantCustomersReport>
{
    public async ValueTask<MerchantCustomersReport> Handle(GetMerchantCustomersQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var currency = merchant?.Currency ?? Currencies.Default;
        var (periods, total) = await CustomerReportPeriods.ReadAsync(customers, merchantId, currency, query.From, query.To, query.Granularity, cancellationToken);
        return new MerchantCustomersReport(
            merchantId, merchant?.TimeZone ?? MerchantTimeZone.Default, currency, query.From, query.To, query.Granularity, periods, total);
    }
}
