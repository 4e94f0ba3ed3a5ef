using System.Net;
using CodeScan.Api.Tests.Transport.TestHost;
using CodeScan.Api.Transport;
using Microsoft.Extensions.DependencyInjection;
using static CodeScan.Api.Tests.Transport.Http.GraphQLHttp;

namespace CodeScan.Api.Tests.Transport.Http;

public sealed class HttpGetTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>, IDisposable
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task Get_WhenQueryIsValid_Returns200WithData()
    {
        using var response = await client.SendAsync(Get(server.HttpUri, "{ hello }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_WithVariablesAndOperationName_UsesThem()
    {
        using var response = await client.SendAsync(
            Get(server.HttpUri, "query A { me } query B($name: String) { hello(name: $name) }", "{\"name\":\"Bo\"}", "B"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Bo!", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task Get_WhenVariablesIsNotAJsonObject_Returns400(string variables)
    {
        using var response = await client.SendAsync(Get(server.HttpUri, "{ hello }", variables));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_WhenQueryParameterIsMissing_Returns400()
    {
        using var request = WithHeaders(new HttpRequestMessage(HttpMethod.Get, server.HttpUri), GraphQLResponseJson, null);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Get_WhenOperationIsMutation_Returns405WithAllowPostAndDoesNotExecute(string accept)
    {
        var before = server.Hub.Counter;

        using var response = await client.SendAsync(Get(server.HttpUri, "mutation { increment(by: 1) }", accept: accept));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal("MUTATION_OVER_GET", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal(before, server.Hub.Counter);
    }

    [Fact]
    public async Task Get_WhenTheMutationDocumentWasCachedFromAPost_Returns405AndDoesNotExecute()
    {
        var cache = server.Services.GetRequiredService<GraphQLDocumentCache>();
        var mutation = $"mutation Cached_{Guid.NewGuid():N} {{ increment(by: 1) }}";
        using (var posted = await client.SendAsync(Post(server.HttpUri, new { query = mutation })))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var before = server.Hub.Counter;
        var hits = cache.Hits;

        using var response = await client.SendAsync(Get(server.HttpUri, mutation));

        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("MUTATION_OVER_GET", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal(before, server.Hub.Counter);
    }

    [Fact]
    public async Task Get_WhenNamedOperationIsAQueryBesideAMutation_Returns200()
    {
        using var response = await client.SendAsync(
            Get(server.HttpUri, "query Read { hello } mutation Write { increment(by: 1) }", operationName: "Read"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => client.Dispose();
}
