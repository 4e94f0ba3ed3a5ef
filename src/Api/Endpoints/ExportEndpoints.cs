using CodeScan.Application.Analytics.ExportMerchantSales;
using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Analytics.GetPlatformCustomers;
using CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;
using CodeScan.Application.Analytics.GetPlatformSales;
using CodeScan.Domain.Common;
using CodeScan.Application.Records.ExportMerchantRecords;
using static CodeScan.Api.Endpoints.ExportHttp;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// CSV downloads for BI tools, each authorized by the same pipeline as the GraphQL field it mirrors (Bearer access
/// token), each written to the response as it is read:
/// <list type="bullet">
/// <item><c>GET /merchants/{merchantId}/exports/sales.csv?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: the daily rollups of
/// <c>merchantSales</c> (the owner and the merchant's analysts);</item>
/// <item><c>GET /merchants/{merchantId}/exports/records.csv?from=…&amp;to=…</c>: the records of <c>merchantRecords</c>
/// over those local dates (the owner and the cashiers);</item>
/// <item><c>GET /merchants/{merchantId}/exports/liability.csv?asOf=YYYY-MM-DD</c>: <c>merchantLiability</c> by aging bucket
/// and kind, and breakage (the owner and the analysts; today in the merchant's zone without <c>asOf</c>);</item>
/// <item><c>GET /merchants/{merchantId}/exports/performance.csv?from=…&amp;to=…</c>: <c>merchantInstrumentPerformance</c>, a
/// row per coupon template and card product (the owner and the analysts);</item>
/// <item><c>GET /platform/exports/sales.csv?from=…&amp;to=…&amp;currency=CNY</c>: <c>platformSales</c> by day, every merchant
/// in the currency together (platform admins and platform analysts);</item>
/// <item><c>GET /merchants/{merchantId}/exports/customers.csv?from=…&amp;to=…&amp;granularity=DAY</c>: <c>merchantCustomers</c>,
/// a row per day, week or month and the total (the owner and the analysts);</item>
/// <item><c>GET /platform/exports/customers.csv?from=…&amp;to=…&amp;granularity=DAY&amp;currency=CNY</c>: <c>platformCustomers</c>
/// (platform admins and platform analysts);</item>
/// <item><c>GET /platform/exports/performance.csv?from=…&amp;to=…&amp;currency=CNY</c>: <c>platformInstrumentPerformance</c>, a
/// row per kind of instrument (platform admins and platform analysts).</item>
/// </list>
/// Refusals are JSON <c>{"error": "…"}</c>: 401 without a valid token, 403 for anyone the GraphQL field refuses, 400
/// for a malformed, inverted or too long range, an unknown granularity or currency, or an unknown merchant.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/merchants/{merchantId}/exports/sales.csv", SalesAsync);
        endpoints.MapGet("/merchants/{merchantId}/exports/records.csv", RecordsAsync);
        endpoints.MapGet("/merchants/{merchantId}/exports/liability.csv", LiabilityAsync);
        endpoints.MapGet("/merchants/{merchantId}/exports/performance.csv", PerformanceAsync);
        endpoints.MapGet("/platform/exports/sales.csv", PlatformSalesAsync);
        endpoints.MapGet("/merchants/{merchantId}/exports/customers.csv", CustomersAsync);
        endpoints.MapGet("/platform/exports/customers.csv", PlatformCustomersAsync);
        endpoints.MapGet("/platform/exports/performance.csv", PlatformPerformanceAsync);
        return endpoints;
    }

    private static async Task<IResult> SalesAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        return refusal ?? await SendAsync(http, new ExportMerchantSalesQuery(range.Merchant, range.From, range.To), export =>
            new SalesCsv(export.TimeZone, export.Days, FileName("sales", merchantId, export.From, export.To)));
    }

    private static async Task<IResult> RecordsAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        return refusal ?? await SendAsync(http, new ExportMerchantRecordsQuery(range.Merchant, range.From, range.To), export =>
            new RecordsCsv(export, FileName("records", merchantId, export.From, export.To)));
    }

    private static async Task<IResult> LiabilityAsync(string merchantId, string? asOf, HttpContext http)
    {
        if (await RefuseAnonymousAsync(http) is { } anonymous)
        {
            return anonymous;
        }

        var (day, dayError) = asOf is null ? (default, null) : DateOf(asOf, "asOf");
        if (dayError is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, dayError);
        }

        var (id, idRefusal) = MerchantOf(merchantId);
        return idRefusal ?? await SendAsync(http, new GetMerchantLiabilityQuery(id, asOf is null ? null : day), report =>
            new LiabilityCsv(report, FileName("liability", merchantId, report.AsOf)));
    }

    private static async Task<IResult> PerformanceAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        return refusal ?? await SendAsync(http, new GetMerchantInstrumentPerformanceQuery(range.Merchant, range.From, range.To, InstrumentPerformanceOrder.Redeemed), report =>
            new PerformanceCsv(report, FileName("performance", merchantId, report.From, report.To)));
    }

    private static async Task<IResult> PlatformSalesAsync(string? from, string? to, string? currency, HttpContext http)
    {
        if (await RefuseAnonymousAsync(http) is { } anonymous)
        {
            return anonymous;
        }

        var (fromDay, toDay, dates) = RangeOf(from, to);
        return dates ?? await SendAsync(http, new GetPlatformSalesQuery(currency ?? Currencies.Default, fromDay, toDay, SalesGranularity.Day), report =>
            new SalesCsv(string.Empty, report.Periods.ToAsyncEnumerable(), FileName("platform_sales", report.Currency, report.From, report.To)));
    }

    private static async Task<IResult> CustomersAsync(string merchantId, string? from, string? to, string? granularity, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        var (unit, unitRefusal) = GranularityOf(granularity);
        return refusal ?? unitRefusal ?? await SendAsync(http, new GetMerchantCustomersQuery(range.Merchant, range.From, range.To, unit), report =>
            new CustomersCsv(new(report.TimeZone, report.Currency, report.Granularity, report.Periods, report.Total), FileName("customers", merchantId, report.From, report.To)));
    }

    private static async Task<IResult> PlatformCustomersAsync(string? from, string? to, string? granularity, string? currency, HttpContext http)
    {
        if (await RefuseAnonymousAsync(http) is { } anonymous)
        {
            return anonymous;
        }

        var (fromDay, toDay, dates) = RangeOf(from, to);
        var (unit, unitRefusal) = GranularityOf(granularity);
        return dates ?? unitRefusal ?? await SendAsync(http, new GetPlatformCustomersQuery(currency ?? Currencies.Default, fromDay, toDay, unit), report =>
            new CustomersCsv(new(string.Empty, report.Currency, report.Granularity, report.Periods, report.Total), FileName("platform_customers", report.Currency, report.From, report.To)));
    }

    private static async Task<IResult> PlatformPerformanceAsync(string? from, string? to, string? currency, HttpContext http)
    {
        if (await RefuseAnonymousAsync(http) is { } anonymous)
        {
            return anonymous;
        }

        var (fromDay, toDay, dates) = RangeOf(from, to);
        return dates ?? await SendAsync(http, new GetPlatformInstrumentPerformanceQuery(currency ?? Currencies.Default, fromDay, toDay), report =>
            new PlatformPerformanceCsv(report, FileName("platform_performance", report.Currency, report.From, report.To)));
    }
}
