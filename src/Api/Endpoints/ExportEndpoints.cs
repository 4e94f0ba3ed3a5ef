using CodeScan.Application.Analytics.ExportMerchantSales;
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
/// over those local dates (the owner and the cashiers).</item>
/// </list>
/// Refusals are JSON <c>{"error": "…"}</c>: 401 without a valid token, 403 for anyone the GraphQL field refuses, 400
/// for a malformed, inverted or too long range or an unknown merchant.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/merchants/{merchantId}/exports/sales.csv", SalesAsync);
        endpoints.MapGet("/merchants/{merchantId}/exports/records.csv", RecordsAsync);
        return endpoints;
    }

    private static async Task<IResult> SalesAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        if (refusal is not null)
        {
            return refusal;
        }

        return await SendAsync(http, new ExportMerchantSalesQuery(range.Merchant, range.From, range.To), export =>
            new SalesCsv(export.TimeZone, export.Days, FileName("sales", merchantId, export.From, export.To)));
    }

    private static async Task<IResult> RecordsAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        var (range, refusal) = await MerchantRangeAsync(http, merchantId, from, to);
        if (refusal is not null)
        {
            return refusal;
        }

        return await SendAsync(http, new ExportMerchantRecordsQuery(range.Merchant, range.From, range.To), export =>
            new RecordsCsv(export, FileName("records", merchantId, export.From, export.To)));
    }
}
