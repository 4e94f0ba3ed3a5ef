using System.Globalization;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.Analytics.ExportMerchantSales;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Security;
using Mediator;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// CSV downloads for BI tools, authorized by the same pipeline as the GraphQL fields they mirror (Bearer access
/// token): <c>GET /merchants/{merchantId}/exports/sales.csv?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>, the daily rollups of
/// <c>merchantSales</c>. Refusals are JSON <c>{"error": "…"}</c>: 401 without a valid token, 403 for anyone but the
/// owner and the merchant's analysts, 400 for a malformed, inverted or too long range or an unknown merchant.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/merchants/{merchantId}/exports/sales.csv", SalesAsync);
        return endpoints;
    }

    private static async Task<IResult> SalesAsync(string merchantId, string? from, string? to, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (!await AuthenticateAsync(http))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, new UnauthenticatedException().Message);
        }

        var (fromDay, fromError) = DateOf(from, "from");
        var (toDay, toError) = DateOf(to, "to");
        if ((fromError ?? toError) is { } dateError)
        {
            return Problem(StatusCodes.Status400BadRequest, dateError);
        }

        if (!GlobalId.TryDecode(merchantId, MerchantType.TypeName, out var id) && !Guid.TryParse(merchantId, out id))
        {
            return Problem(StatusCodes.Status400BadRequest, $"'{merchantId}' is not a merchant id.");
        }

        var query = new ExportMerchantSalesQuery(new MerchantId(id), fromDay, toDay);
        return await RefusedOrAsync(() => http.RequestServices.GetRequiredService<IMediator>().Send(query, http.RequestAborted).AsTask(), export =>
            new SalesCsv(export, FileName("sales", merchantId, export.From, export.To)));
    }

    /// <summary>Sends the query; the pipeline's refusals become status codes, an answer becomes <paramref name="result"/>.</summary>
    private static async Task<IResult> RefusedOrAsync<T>(Func<Task<T>> send, Func<T, IResult> result)
    {
        try
        {
            return result(await send());
        }
        catch (UnauthenticatedException ex)
        {
            return Problem(StatusCodes.Status401Unauthorized, ex.Message);
        }
        catch (ForbiddenException ex)
        {
            return Problem(StatusCodes.Status403Forbidden, ex.Message);
        }
        catch (Exception ex) when (ex is NotFoundException or InvalidQueryInputException)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<bool> AuthenticateAsync(HttpContext http)
    {
        var caller = await BearerAuthentication.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestServices, http.RequestAborted);
        if (caller?.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        http.RequestServices.GetRequiredService<CurrentUser>().Principal = caller;
        return true;
    }

    private static (DateOnly Day, string? Error) DateOf(string? value, string name) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, null)
            : (default, value is null ? $"'{name}' is required (a date, YYYY-MM-DD)." : $"'{name}' is not a date (YYYY-MM-DD): '{value}'.");

    /// <summary><c>sales_TWVy…_2026-11-01_2026-11-30.csv</c>: what, whose, which days; only characters safe in any file system.</summary>
    private static string FileName(string what, string merchantId, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}_{new string(merchantId.Where(char.IsAsciiLetterOrDigit).ToArray())}_{from:yyyy-MM-dd}_{to:yyyy-MM-dd}.csv");

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
