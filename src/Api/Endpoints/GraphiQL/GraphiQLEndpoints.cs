using CodeScan.Api.Transport.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CodeScan.Api.Endpoints.GraphiQL;

/// <summary>
/// The GraphiQL IDE: a browser asking <c>GET /graphql</c> for HTML gets the IDE's page, whose script, stylesheet and
/// Monaco workers come from <c>/graphql/ide/</c>, all embedded in this assembly (no CDN). Every other request to
/// <c>/graphql</c>, and every request when the IDE is off, goes to the GraphQL transports as before.
/// </summary>
public static class GraphiQLEndpoints
{
    private const string NotBuilt =
        "The GraphiQL IDE is enabled but this build of the API does not contain it: its build step needs Node.js 20+ and npm " +
        "(it runs `npm ci` and `node build.mjs` in src/Api/GraphiQL, see the CODESCAN001 warning of the build). Install them " +
        "and build the API again, or turn the IDE off with GraphQL:Ide:Enabled=false.";

    /// <summary>Serves the IDE on <paramref name="path"/> when <see cref="GraphiQLOptions.Enabled"/>; call it before the transports are mapped.</summary>
    public static WebApplication UseGraphiQL(this WebApplication app, string path = "/graphql")
    {
        if (!GraphiQLOptions.From(app.Configuration, app.Environment).Enabled)
        {
            return app;
        }

        if (!DependencyInjection.IntrospectionOptionsFrom(app.Configuration, app.Environment).Enabled)
        {
            app.Logger.LogWarning(
                "The GraphiQL IDE is on while introspection is off (GraphQL:Introspection:Enabled): it runs operations but cannot load the schema for completion and docs.");
        }

        var assets = GraphiQLAssets.Load(typeof(GraphiQLEndpoints).Assembly);
        var page = new PathString(path);
        app.Use((context, next) => IsPageRequest(context.Request, page) ? ServePage(context, assets) : next(context));
        app.MapGet(path + "/ide/{file}", (string file, HttpContext context) =>
            assets.TryGet(file, out var asset) ? Serve(context, asset) : Results.NotFound());
        return app;
    }

    /// <summary>A plain GET (not a WebSocket upgrade) that prefers HTML to either GraphQL response type.</summary>
    private static bool IsPageRequest(HttpRequest request, PathString page) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.StartsWithSegments(page, out var rest) && (!rest.HasValue || rest.Value == "/")
        && !request.Headers.ContainsKey(HeaderNames.Upgrade)
        && PrefersHtml(request.Headers.Accept);

    private static bool PrefersHtml(StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        double Weight(string mediaType) => ranges
            .Where(range => range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(range => range.Quality ?? 1d)
            .DefaultIfEmpty(0d)
            .Max();

        var html = Weight("text/html");
        return html > 0 && html >= Weight(ResponseMediaTypes.GraphQLResponseJson) && html >= Weight(ResponseMediaTypes.Json);
    }

    private static Task ServePage(HttpContext context, GraphiQLAssets assets)
    {
        // The same address answers JSON to GraphQL clients: caches must keep the two apart.
        context.Response.Headers.Vary = "Accept, Accept-Encoding";
        if (!assets.TryGet(GraphiQLAsset.Page, out var page) || !assets.IsBuilt)
        {
            return Results.Text(NotBuilt, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }

        return Serve(context, page).ExecuteAsync(context);
    }

    private static IResult Serve(HttpContext context, GraphiQLAsset asset)
    {
        // Revalidated on every load (a 304 while unchanged), so a deploy never leaves an old bundle running.
        PageHeaders.Apply(context.Response, ContentSecurityPolicy(context.Request));
        var headers = context.Response.Headers;
        if (StringValues.IsNullOrEmpty(headers.Vary))
        {
            headers.Vary = "Accept-Encoding";
        }

        if (!AcceptsGzip(context.Request))
        {
            return Results.Bytes(asset.Unzipped, asset.ContentType, entityTag: asset.UnzippedTag);
        }

        headers.ContentEncoding = "gzip";
        return Results.Bytes(asset.Gzipped, asset.ContentType, entityTag: asset.GzippedTag);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings)
        && encodings.Any(encoding => encoding.Quality is not 0
            && (encoding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Value.Equals("*", StringComparison.Ordinal)));

    /// <summary>
    /// Scripts and workers from this origin only. Monaco and GraphiQL's components set inline styles, and the
    /// stylesheet carries its fonts as data: URLs. Operations go to this origin, over HTTP and WebSocket; the
    /// WebSocket form is named since browsers before CSP Level 3 do not derive it from <c>'self'</c>.
    /// </summary>
    private static string ContentSecurityPolicy(HttpRequest request)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
            $"img-src 'self' data:; connect-src 'self' {socket}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
