using System.Net;
using System.Text;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// A page on another origin calling the API as a browser does: the preflight for a JSON POST with a bearer
/// token, then the request itself with its Origin. Allowed: localhost on any port in Development, and the
/// origins configured under Cors:AllowedOrigins; anything else gets no CORS headers at all.
/// </summary>
public sealed class CrossOriginTests
{
    private const string Query = "{\"query\":\"{ __typename }\"}";

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:3000")]
    public async Task Development_AnswersThePreflightOfALocalDevServer(string origin)
    {
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(StoreMode.Embedded));

        using var preflight = await host.Http.SendAsync(Preflight(origin));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(origin, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflight, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var allowedHeaders = Header(preflight, "Access-Control-Allow-Headers")!.ToLowerInvariant();
        Assert.Contains("authorization", allowedHeaders, StringComparison.Ordinal);
        Assert.Contains("content-type", allowedHeaders, StringComparison.Ordinal);

        using var post = await host.Http.SendAsync(Post(origin));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(origin, Header(post, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example:5173")]
    [InlineData("null")]
    public async Task OriginNotAllowed_GetsNoCorsHeaders(string origin)
    {
        await using var host = await CodeScanHost.StartAsync(HostStores.Create(StoreMode.Embedded));

        using var preflight = await host.Http.SendAsync(Preflight(origin));
        using var post = await host.Http.SendAsync(Post(origin));

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(post, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Production_AllowsOnlyTheConfiguredOrigins()
    {
        await using var host = await CodeScanHost.StartProductionAsync(settings =>
        {
            settings["Cors:AllowedOrigins:0"] = "https://shop.example.com";
            settings["Jwt:SigningKey"] = "production-signing-key-0123456789-abcdefghijklmnop";
        });

        using var allowed = await host.Http.SendAsync(Preflight("https://shop.example.com"));
        using var localhost = await host.Http.SendAsync(Preflight("http://localhost:5173"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://shop.example.com", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(localhost, "Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static HttpRequestMessage Post(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
