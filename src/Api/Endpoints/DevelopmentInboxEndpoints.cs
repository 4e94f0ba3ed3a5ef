using System.Net;
using System.Text;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Identity;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// Development only: the texts the service would have sent, so a developer (or a script) signs in without a
/// phone. <c>GET /development/sms</c> is a page for a browser (<c>Accept: text/html</c>) and JSON otherwise;
/// <c>?phone=</c> keeps one number's texts. Newest first, full numbers. Never mapped outside Development.
/// </summary>
public static class DevelopmentInboxEndpoints
{
    public const string Path = "/development/sms";

    public static IEndpointRouteBuilder MapDevelopmentInbox(this IEndpointRouteBuilder endpoints, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            endpoints.MapGet(Path, Inbox);
        }

        return endpoints;
    }

    private static IResult Inbox(HttpContext http, DevelopmentSmsOutbox outbox, string? phone = null)
    {
        http.Response.Headers.CacheControl = "no-store";
        PhoneNumber? number = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var parsed = PhoneNumber.Parse(phone);
            if (!parsed.IsSuccess)
            {
                return Results.Json(new { error = $"'{phone}' is not a mobile number." }, statusCode: StatusCodes.Status400BadRequest);
            }

            number = parsed.Value;
        }

        var texts = outbox.Sent.Where(s => number is null || s.Message.To == number).Reverse().ToArray();
        return WantsPage(http.Request) ? Page(http, texts, phone) : Json(texts, number);
    }

    private static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static IResult Json(IReadOnlyList<SentSms> texts, PhoneNumber? number) => Results.Json(new
    {
        phone = number?.Value,
        latestCode = texts.Select(t => DevelopmentSmsOutbox.CodeIn(t.Message.Text)).FirstOrDefault(c => c is not null),
        messages = texts.Select(t => new
        {
            to = t.Message.To.Value,
            text = t.Message.Text,
            locale = t.Message.Locale,
            code = DevelopmentSmsOutbox.CodeIn(t.Message.Text),
            sentAt = t.SentAt,
        }),
    });

    /// <summary>One table, newest first, refreshed every few seconds; nothing but this page's own markup runs.</summary>
    private static IResult Page(HttpContext http, IReadOnlyList<SentSms> texts, string? phone)
    {
        PageHeaders.Apply(http.Response, "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        http.Response.Headers.CacheControl = "no-store";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"3\">")
            .Append("<title>CodeScan — Development SMS inbox</title><style>body{font:14px system-ui,sans-serif;margin:2em}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style></head><body>")
            .Append("<h1>Development SMS inbox</h1><p>Texts this service would have sent (Development only; nothing is sent).</p>")
            .Append("<form method=\"get\"><label>Mobile number <input name=\"phone\" value=\"").Append(Encode(phone)).Append("\"></label> ")
            .Append("<button>Show</button></form>")
            .Append("<table><thead><tr><th>To</th><th>Code</th><th>Text</th><th>Sent (UTC)</th></tr></thead><tbody>");
        foreach (var text in texts)
        {
            html.Append("<tr><td>").Append(Encode(text.Message.To.Value))
                .Append("</td><td><b>").Append(Encode(DevelopmentSmsOutbox.CodeIn(text.Message.Text)))
                .Append("</b></td><td>").Append(Encode(text.Message.Text))
                .Append("</td><td>").Append(text.SentAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>").Append(texts.Count == 0 ? "<p>No texts yet.</p>" : "").Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
