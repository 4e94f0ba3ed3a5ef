namespace CodeScan.Api.Endpoints;

/// <summary>
/// The headers every page the API serves carries (the console, GraphiQL, the Development inbox): its own content
/// security policy, no sniffing, no framing, no referrer, and revalidation on every load, so a deploy never leaves a
/// page running an old script.
/// </summary>
public static class PageHeaders
{
    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
    }
}
