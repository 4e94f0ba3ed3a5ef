using System.Globalization;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Security;
using Mediator;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// What every CSV download shares: no caching, the Bearer token, the parameters' shapes, the query sent through the
/// same Mediator pipeline as the GraphQL field it mirrors, and refusals as JSON <c>{"error": "…"}</c>.
/// </summary>
internal static class ExportHttp
{
    /// <summary>Marks the response uncacheable and signs the caller in; a 401 answer when there is no valid token.</summary>
    public static async Task<IResult?> RefuseAnonymousAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var caller = await BearerAuthentication.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestServices, http.RequestAborted);
        if (caller?.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, new UnauthenticatedException().Message);
        }

        http.RequestServices.GetRequiredService<CurrentUser>().Principal = caller;
        return null;
    }

    /// <summary>The caller, the dates and the merchant of a merchant's export, checked in that order; or the first refusal.</summary>
    public static async Task<(MerchantRange Range, IResult? Refusal)> MerchantRangeAsync(HttpContext http, string merchantId, string? from, string? to)
    {
        if (await RefuseAnonymousAsync(http) is { } anonymous)
        {
            return (default, anonymous);
        }

        var (fromDay, toDay, dates) = RangeOf(from, to);
        if (dates is not null)
        {
            return (default, dates);
        }

        var (id, idRefusal) = MerchantOf(merchantId);
        return (new MerchantRange(id, fromDay, toDay), idRefusal);
    }

    /// <summary>Both ends of a range of dates, or the 400 answer that names the first malformed one.</summary>
    public static (DateOnly From, DateOnly To, IResult? Refusal) RangeOf(string? from, string? to)
    {
        var (fromDay, fromError) = DateOf(from, "from");
        var (toDay, toError) = DateOf(to, "to");
        return (fromDay, toDay, (fromError ?? toError) is { } error ? Problem(StatusCodes.Status400BadRequest, error) : null);
    }

    public static (DateOnly Day, string? Error) DateOf(string? value, string name) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, null)
            : (default, value is null ? $"'{name}' is required (a date, YYYY-MM-DD)." : $"'{name}' is not a date (YYYY-MM-DD): '{value}'.");

    /// <summary>A report's granularity as the schema spells it (any case), DAY when absent; or the 400 answer.</summary>
    public static (SalesGranularity Granularity, IResult? Refusal) GranularityOf(string? value)
    {
        if (value is null)
        {
            return (SalesGranularity.Day, null);
        }

        var known = Enum.GetValues<SalesGranularity>().Where(g => string.Equals(g.ToString(), value, StringComparison.OrdinalIgnoreCase)).ToList();
        return known.Count == 1
            ? (known[0], null)
            : (default, Problem(StatusCodes.Status400BadRequest, $"'granularity' is not one of DAY, WEEK, MONTH: '{value}'."));
    }

    /// <summary>A merchant's global id (or its raw UUID), or the 400 answer.</summary>
    public static (MerchantId Id, IResult? Refusal) MerchantOf(string merchantId) =>
        GlobalId.TryDecode(merchantId, MerchantType.TypeName, out var id) || Guid.TryParse(merchantId, out id)
            ? (new MerchantId(id), null)
            : (default, Problem(StatusCodes.Status400BadRequest, $"'{merchantId}' is not a merchant id."));

    /// <summary>Sends the query; the pipeline's refusals become status codes, an answer becomes <paramref name="result"/>.</summary>
    public static async Task<IResult> SendAsync<T>(HttpContext http, IQuery<T> query, Func<T, IResult> result)
    {
        try
        {
            return result(await http.RequestServices.GetRequiredService<IMediator>().Send(query, http.RequestAborted));
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

    /// <summary><c>sales_TWVy…_2026-11-01_2026-11-30.csv</c>: what, whose, which days; only characters safe in any file system.</summary>
    public static string FileName(string what, string owner, params DateOnly[] days) =>
        string.Join('_', [what, new string(owner.Where(char.IsAsciiLetterOrDigit).ToArray()), .. days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]) + ".csv";

    public static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}

/// <summary>Whose export, and which local dates (both included).</summary>
internal readonly record struct MerchantRange(MerchantId Merchant, DateOnly From, DateOnly To);
