using System.Net;
using CodeScan.Api.Tests.Transport.TestHost;
using static CodeScan.Api.Tests.Transport.Http.GraphQLHttp;

namespace CodeScan.Api.Tests.Transport.Http;

public sealed class HttpMethodAndAcceptTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>, IDisposable
{
    private readonly HttpClient client = new();

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Request_WhenMethodIsNeitherGetNorPost_Returns405WithAllowGetPost(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), server.HttpUri);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/json;q=0.5, application/graphql-response+json;q=0.4", Json)]
    [InlineData("text/html, application/graphql-response+json;q=0.2", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, */*;q=0.1", GraphQLResponseJson)]
    public async Task Post_NegotiatesTheResponseMediaType(string? accept, string expected)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ hello }" }, accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Post_WhenAcceptAllowsNoJsonType_Returns406(string accept)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ hello }" }, accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    public void Dispose() => client.Dispose();
}
