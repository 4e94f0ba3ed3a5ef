using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CodeScan.Api.GraphQL;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.QrCodes.GetMerchantLanding;
using CodeScan.Application.QrCodes.GetMerchantQrImage;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// QR images for the merchant's staff (bearer token, authorized by the same pipeline as GraphQL) and the
/// public landing page at the QR URL, which a phone's ordinary camera opens.
/// </summary>
public static class QrCodeEndpoints
{
    public static IEndpointRouteBuilder MapQrCodeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/merchants/{merchantId}/qr.png", (string merchantId, string? size, HttpContext http) =>
            ImageAsync(http, merchantId, QrImageFormat.Png, size));
        endpoints.MapGet("/merchants/{merchantId}/qr.svg", (string merchantId, string? size, HttpContext http) =>
            ImageAsync(http, merchantId, QrImageFormat.Svg, size));
        endpoints.MapGet("/s/{code}", ([FromRoute] string code, [FromQuery] string? v, [FromQuery] string? sig, HttpContext http) =>
            LandingAsync(http, code, v, sig));
        return endpoints;
    }

    private static async Task<IResult> ImageAsync(HttpContext http, string merchantId, QrImageFormat format, string? size)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var caller = await BearerAuthentication.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestServices, http.RequestAborted);
        // Only staff get images: no token is 401 before the request is looked at any further.
        if (caller?.Identity?.IsAuthenticated != true)
        {
            return Unauthenticated(http);
        }

        http.RequestServices.GetRequiredService<CurrentUser>().Principal = caller;

        var pixels = PixelsOf(size);
        try
        {
            var outcome = await http.RequestServices.GetRequiredService<IMediator>()
                .Send(new GetMerchantQrImageQuery(MerchantIdOf(merchantId), format, pixels), http.RequestAborted);
            return FileOrProblem(http, format, outcome);
        }
        catch (UnauthenticatedException)
        {
            return Unauthenticated(http);
        }
        catch (ForbiddenException ex)
        {
            return Problem(StatusCodes.Status403Forbidden, ex.Message);
        }
        catch (NotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
    }

    private static async Task<IResult> LandingAsync(HttpContext http, string code, string? version, string? signature)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";

        // A rotation or a suspension must show at once.
        headers.CacheControl = "no-store";

        var outcome = await http.RequestServices.GetRequiredService<IMediator>()
            .Send(new GetMerchantLandingQuery(code, version, signature), http.RequestAborted);
        if (outcome.IsSuccess)
        {
            return Results.Content(LandingPage.Verified(outcome.Value!), "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);
        }

        // Gone: the code was real but has been replaced, or the merchant may not take payments now.
        var status = outcome.Error!.Code is ErrorCode.QrCodeOutdated or ErrorCode.MerchantSuspended
            ? StatusCodes.Status410Gone
            : StatusCodes.Status404NotFound;
        return Results.Content(LandingPage.NotValid(), "text/html; charset=utf-8", statusCode: status);
    }

    private static int PixelsOf(string? size)
    {
        var pixels = GetMerchantQrImageQuery.DefaultSize;
        if (size is not null && !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pixels))
        {
            pixels = -1; // the validator explains the range
        }

        return pixels;
    }

    private static IResult FileOrProblem(HttpContext http, QrImageFormat format, Outcome<QrImage> outcome)
    {
        if (!outcome.IsSuccess)
        {
            return Problem(outcome.Error!.Code == ErrorCode.InvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, outcome.Error!.Message);
        }

        var image = outcome.Value!;
        if (format == QrImageFormat.Svg)
        {
            // An SVG opened in a browser is a document: it may draw, never run anything.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        }

        return Results.File(image.Content, image.ContentType, image.FileName);
    }

    /// <summary>A global id as GraphQL hands it out, or a plain GUID; anything else matches no merchant.</summary>
    private static MerchantId MerchantIdOf(string value)
    {
        if (!GlobalId.TryDecode(value, MerchantType.TypeName, out var id) && !Guid.TryParse(value, out id))
        {
            id = Guid.Empty;
        }

        return new MerchantId(id);
    }

    private static IResult Unauthenticated(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(StatusCodes.Status401Unauthorized, new UnauthenticatedException().Message);
    }

    private static IResult Problem(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    /// <summary>The page behind the QR URL: the verified merchant's name and nothing about anyone.</summary>
    private static class LandingPage
    {
        // Escapes markup but leaves Chinese names readable in the page source.
        private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

        private const string Style = """
            body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#1d2129}
            main{max-width:28rem;margin:12vh auto;padding:2rem 1.5rem;background:#fff;border-radius:12px;text-align:center}
            h1{font-size:1.6rem;margin:.5rem 0 1rem;word-break:break-word}.tag{color:#00a870;font-size:.9rem}.bad{color:#d54941}
            .en{color:#86909c;font-size:.9rem}
            """;

        public static string Verified(MerchantLanding merchant)
        {
            var name = Html.Encode(merchant.Name);
            var code = Html.Encode(merchant.MerchantCode);
            return Page(name, $"""
                <p class="tag">✓ 已验证商户 · Verified merchant</p>
                <h1>{name}</h1>
                <p>请打开 CodeScan 应用扫描此二维码付款。</p>
                <p class="en" lang="en">Open the CodeScan app and scan this code to pay.</p>
                <p class="en">{code}</p>
                """);
        }

        public static string NotValid() => Page("二维码无效 · Code not valid", """
            <h1 class="bad">此二维码无效</h1>
            <p>请勿付款，并向商户索取最新的二维码。</p>
            <p class="en" lang="en">This code is not valid. Do not pay; ask the merchant for their current code.</p>
            """);

        private static string Page(string title, string body) => $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{title} · CodeScan</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>
            """;
    }
}
