using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.GetMerchantCustomers;

/// <summary>
/// A merchant's customers from one local date to another (both included), a row per day, week or month, in the
/// merchant's time zone. Payments and bills come from the daily rollups; distinct customers from the activity
/// sets of whole months, weeks and days (exact, never estimated).
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
        var days = await customers.GetDaysAsync(merchantId, query.From, query.To, cancellationToken);
        var spans = days
            .Select((day, i) => (Date: query.From.AddDays(i), Day: day))
            .GroupBy(d => SalesReportPeriods.PeriodStart(d.Date, query.Granularity))
            .Select(g => (From: g.First().Date, To: g.Last().Date, Days: g.Select(d => d.Day).ToList()))
            .Append((From: query.From, To: query.To, Days: days.ToList()))
            .ToList();
        var distinct = await customers.CountAsync(merchantId, [.. spans.Select(s => ActivityUnit.Cover(s.From, s.To))], cancellationToken);
        var periods = spans.Select((s, i) => CustomerPeriod.Of(s.From, s.To, currency, s.Days, distinct[i])).ToList();
        return new MerchantCustomersReport(
            merchantId, merchant?.TimeZone ?? MerchantTimeZone.Default, currency, query.From, query.To, query.Granularity, periods[..^1], periods[^1]);
    }
}
