using System.Collections.Frozen;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// The merchant console: a static page (HTML, its module, the session module it shares with the dashboard from
/// <c>Shared/</c>, one stylesheet, embedded in this assembly) where staff sign in and hear each alert. It talks to <c>/graphql</c> like any other client; the CSP lets it
/// run only its own script and connect only to this origin.
/// </summary>
public static class ConsoleEndpoints
{

    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> Files = new Dictionary<string, (string, byte[])>
    {
        ["index.html"] = ("text/html; charset=utf-8", Load("Console.index.html")),
        ["console.js"] = ("text/javascript; charset=utf-8", Load("Console.console.js")),
        ["session.js"] = ("text/javascript; charset=utf-8", Load("Shared.session.js")),
        ["console.css"] = ("text/css; charset=utf-8", Load("Console.console.css")),
    }.ToFrozenDictionary();

    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Routes ignore a trailing slash: this serves /console/ too.
        endpoints.MapGet("/console", (HttpContext http) => Serve(http, "index.html"));
        endpoints.MapGet("/console/{file}", (string file, HttpContext http) =>
            Files.ContainsKey(file) ? Serve(http, file) : Results.NotFound());
        return endpoints;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        PageHeaders.Apply(http.Response, ContentSecurityPolicy(http.Request));
        var (contentType, content) = Files[file];
        return Results.Bytes(content, contentType);
    }

    /// <summary>
    /// Only this origin: <c>'self'</c>, plus the WebSocket form of this host by name, which browsers before
    /// CSP Level 3 do not derive from <c>'self'</c>.
    /// </summary>
    private static string ContentSecurityPolicy(HttpRequest request)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return "default-src 'none'; script-src 'self'; style-src 'self'; " +
            $"connect-src 'self' {socket}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <param name="file">The resource's name under <c>CodeScan.Api.</c>: <c>Console.console.js</c>, <c>Shared.session.js</c>.</param>
    private static byte[] Load(string file)
    {
        var name = "CodeScan.Api." + file;
        using var stream = typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The console file {name} is not embedded in {typeof(ConsoleEndpoints).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
