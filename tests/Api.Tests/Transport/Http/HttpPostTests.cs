using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CodeScan.Api.Tests.Transport.TestHost;
using static CodeScan.Api.Tests.Transport.Http.GraphQLHttp;

namespace CodeScan.Api.Tests.Transport.Http;

public sealed class HttpPostTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>, IDisposable
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task Post_WhenQueryIsValid_Returns200WithData()
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ hello }" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponseJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("Hello, world!", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_WithVariablesAndOperationName_ExecutesTheNamedOperation()
    {
        var body = new
        {
            query = "query A { hello } query B($name: String) { hello(name: $name) }",
            operationName = "B",
            variables = new { name = "Ana" },
            extensions = new { trace = true },
        };

        using var response = await client.SendAsync(Post(server.HttpUri, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Ana!", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_WhenOperationIsMutation_ExecutesIt()
    {
        var before = server.Hub.Counter;

        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "mutation { increment(by: 2) }" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 2, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("increment").GetInt32());
    }

    [Theory]
    [InlineData("{ \"query\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Post_WhenBodyIsMalformedJson_Returns400(string body)
    {
        using var response = await client.SendAsync(PostRaw(server.HttpUri, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"query\": null}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("[{}]")]
    public async Task Post_WhenQueryIsMissing_Returns400(string body)
    {
        using var response = await client.SendAsync(PostRaw(server.HttpUri, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"query\": \"{ hello }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ hello }\", \"variables\": \"{}\"}")]
    [InlineData("{\"query\": \"{ hello }\", \"operationName\": 1}")]
    [InlineData("{\"query\": \"{ hello }\", \"extensions\": 1}")]
    public async Task Post_WhenVariablesOrOtherFieldsHaveTheWrongType_Returns400(string body)
    {
        using var response = await client.SendAsync(PostRaw(server.HttpUri, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Post_WhenContentTypeIsNotJson_Returns415(string contentType)
    {
        using var response = await client.SendAsync(PostRaw(server.HttpUri, "{\"query\":\"{ hello }\"}", contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenContentTypeIsMissing_Returns415()
    {
        using var request = PostRaw(server.HttpUri, "{\"query\":\"{ hello }\"}");
        request.Content!.Headers.ContentType = null;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenContentLengthExceedsLimit_Returns413()
    {
        var padding = new string(' ', TransportServerFixture.MaxRequestBytes);

        using var response = await client.SendAsync(PostRaw(server.HttpUri, $"{{\"query\":\"{{ hello }}\"{padding}}}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Post_WhenChunkedBodyExceedsLimit_Returns413()
    {
        var padding = new string(' ', TransportServerFixture.MaxRequestBytes);
        var bytes = Encoding.UTF8.GetBytes($"{{\"query\":\"{{ hello }}\"{padding}}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri)
        {
            // A stream of unknown length is sent chunked, without Content-Length.
            Content = new StreamContent(new UnknownLengthStream(bytes)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);

        using var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenChunkedBodyIsWithinTheLimit_IsExecuted()
    {
        var padding = new string(' ', TransportServerFixture.MaxRequestBytes / 2);
        var bytes = Encoding.UTF8.GetBytes($"{{\"query\":\"{{ hello }}\"{padding}}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri)
        {
            Content = new StreamContent(new UnknownLengthStream(bytes), bufferSize: 512),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);

        using var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (await response.ReadJsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_WhenBodyIsJustUnderTheLimit_IsExecuted()
    {
        var padding = new string(' ', TransportServerFixture.MaxRequestBytes - 100);

        using var response = await client.SendAsync(PostRaw(server.HttpUri, $"{{\"query\":\"{{ hello }}\"{padding}}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{ hello ", GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData("{ hello ", Json, HttpStatusCode.OK)]
    [InlineData("{ noSuchField }", GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", Json, HttpStatusCode.OK)]
    [InlineData("query Q { hello }", GraphQLResponseJson, HttpStatusCode.BadRequest, "Other")]
    public async Task Post_WhenDocumentFailsParsingOrValidation_UsesTheMediaTypesStatusCode(
        string query, string accept, HttpStatusCode expected, string? operationName = null)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query, operationName }, accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.False(body.TryGetProperty("data", out _));
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Post_WhenResolverFails_Returns200WithDataAndErrors()
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ hello fail }" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Hello, world!", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Post_WhenOperationIsSubscription_ReturnsSubscriptionOverHttpError(string accept, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "subscription { events { message } }" }, accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("SUBSCRIPTION_OVER_HTTP", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Equal(0, server.Hub.SubscriberCount);
    }

    public void Dispose() => client.Dispose();

    /// <summary>Hides its length so HttpClient has to use chunked transfer encoding.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
