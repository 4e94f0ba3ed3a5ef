using System.Runtime.CompilerServices;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Mediator;

namespace CodeScan.Application.Analytics.ExportMerchantSales;

/// <summary>
/// A merchant's daily sales rollups from one local date to another (both included), for BI tools: one row per
/// day of the merchant's time zone, read a page of days at a time as the caller consumes them, so an export of
/// years never sits in memory. Authorized like <c>merchantSales</c>: the owner and the merchant's analysts.
/// </summary>
public sealed record ExportMerchantSalesQuery(MerchantId MerchantId, DateOnly From, DateOnly To)
    : IQuery<SalesExport>, IRequireMerchantAnalyst;

/// <summary>The export's heading facts and its days, read lazily, oldest first; amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record SalesExport(Guid MerchantId, string TimeZone, string Currency, DateOnly From, DateOnly To, IAsyncEnumerable<SalesPeriod> Days);

public sealed class ExportMerchantSalesHandler(ISalesStore sales, IReadModelStore store) : IQueryHandler<ExportMerchantSalesQuery, SalesExport>
{
    /// <summary>How many days one read of the rollups covers.</summary>
    public const int PageDays = 31;

    public async ValueTask<SalesExport> Handle(ExportMerchantSalesQuery query, CancellationToken cancellationToken)
    {
        var merchantId = query.MerchantId.Value;
        var merchant = await store.GetMerchantAsync(merchantId, cancellationToken);
        var currency = merchant?.Currency ?? Currencies.Default;
        return new SalesExport(
            merchantId, merchant?.TimeZone ?? MerchantTimeZone.Default, currency, query.From, query.To, DaysAsync(merchantId, currency, query.From, query.To, CancellationToken.None));
    }

    private async IAsyncEnumerable<SalesPeriod> DaysAsync(Guid merchantId, string currency, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = from; start <= to; start = start.AddDays(PageDays))
        {
            var end = start.AddDays(PageDays - 1) < to ? start.AddDays(PageDays - 1) : to;
            var days = await sales.GetDaysAsync(merchantId, start, end, cancellationToken);
            for (var i = 0; i < days.Count; i++)
            {
                yield return new SalesPeriod(start.AddDays(i), start.AddDays(i), currency, days[i]);
            }
        }
    }
}
