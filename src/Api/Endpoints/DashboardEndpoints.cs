using System.Collections.Frozen;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// The analysts' dashboard beside the merchant console: static files (HTML, ES modules, one stylesheet) embedded
/// from <c>Dashboard/</c>, every one that is there, so a new panel is one more file and no change here, and the
/// modules of <c>Shared/</c> it shares with the console (the session). The page
/// talks to <c>/graphql</c> over HTTP only; its CSP lets it run only its own scripts and connect only to this origin.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly string[] ResourcePrefixes = ["CodeScan.Api.Dashboard.", "CodeScan.Api.Shared."];

    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> Files = Load();

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Routes ignore a trailing slash: this serves /dashboard/ too.
        endpoints.MapGet("/dashboard", (HttpContext http) => Serve(http, "index.html"));
        endpoints.MapGet("/dashboard/{file}", (string file, HttpContext http) =>
            Files.ContainsKey(file) ? Serve(http, file) : Results.NotFound());
        return endpoints;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        PageHeaders.Apply(http.Response, ContentSecurityPolicy);
        var (contentType, content) = Files[file];
        return Results.Bytes(content, contentType);
    }

    /// <summary>The console's policy without the WebSocket: the dashboard only queries over HTTP.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static FrozenDictionary<string, (string, byte[])> Load()
    {
        var assembly = typeof(DashboardEndpoints).Assembly;
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var (name, prefix) in assembly.GetManifestResourceNames()
            .SelectMany(n => ResourcePrefixes.Where(p => n.StartsWith(p, StringComparison.Ordinal)).Select(p => (n, p))))
        {
            var file = name[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[file] = (ContentTypeOf(file), copy.ToArray());
        }

        if (!files.ContainsKey("index.html"))
        {
            throw new InvalidOperationException($"The dashboard's index.html is not embedded in {assembly.GetName().Name}.");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => throw new InvalidOperationException($"The dashboard file {file} has a type the dashboard does not serve."),
    };
}
