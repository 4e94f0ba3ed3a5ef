namespace CodeScan.Api.Diagnostics;

/// <summary>
/// Every request carries a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane (1 to 64 letters,
/// digits, '-', '_', '.', ':'), otherwise a new one (32 hex digits). It is echoed in the response header, held in
/// the log scope of everything the request logs, and carried by an internal error's <c>extensions.correlationId</c>,
/// so an operator finds the details of the error a client reports.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 64;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CodeScan.Api.Requests");
        return app.Use(async (http, next) =>
        {
            var id = Sane(http.Request.Headers[Header].FirstOrDefault()) ?? New();
            http.TraceIdentifier = id;
            http.RequestServices.GetRequiredService<RequestCorrelation>().Id = id;
            http.Response.Headers[Header] = id;
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next(http);
            }
        });
    }

    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>The id a caller sent, or null when it is missing, too long or has characters a log should not hold.</summary>
    public static string? Sane(string? given) =>
        given is { Length: > 0 and <= MaxLength } && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? given
            : null;
}

/// <summary>The correlation id of the request this scope serves; a fresh one where no HTTP request set it.</summary>
public sealed class RequestCorrelation
{
    private string? _id;

    public string Id
    {
        get => _id ??= CorrelationIds.New();
        set => _id = value;
    }
}
