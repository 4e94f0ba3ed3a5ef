using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Analytics.GetPlatformCustomers;

/// <summary>
/// The platform's customers in one currency, every merchant trading in it together, from one date to another (both
/// included), a row per day, week or month (<see cref="CustomerReportPeriods"/>). A payment counts on its merchant's
/// own local day, as in that merchant's report; a customer who paid at several merchants counts once, and is new on
/// the day of their first payment at any of them. Counts only: no customer is named, no phone is read.
/// </summary>
public sealed record GetPlatformCustomersQuery(string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity)
    : IQuery<PlatformCustomersReport>, IRequirePlatformAnalyst;

public sealed record PlatformCustomersReport(
    string Currency, DateOnly From, DateOnly To, SalesGranularity Granularity, IReadOnlyList<CustomerPeriod> Periods, CustomerPeriod Total);

public sealed class GetPlatformCustomersHandler(ICustomerStore customers) : IQueryHandler<GetPlatformCustomersQuery, PlatformCustomersReport>
{
    public async ValueTask<PlatformCustomersReport> Handle(GetPlatformCustomersQuery query, CancellationToken cancellationToken)
    {
        var (periods, total) = await CustomerReportPeriods.ReadAsync(
            customers, PlatformScope.Of(query.Currency), query.Currency, query.From, query.To, query.Granularity, cancellationToken);
        return new PlatformCustomersReport(query.Currency, query.From, query.To, query.Granularity, periods, total);
    }
}
