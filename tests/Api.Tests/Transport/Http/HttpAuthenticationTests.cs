using System.Net;
using CodeScan.Api.Tests.Transport.TestHost;
using static CodeScan.Api.Tests.Transport.Http.GraphQLHttp;

namespace CodeScan.Api.Tests.Transport.Http;

public sealed class HttpAuthenticationTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>, IDisposable
{
    private readonly HttpClient client = new();

    [Fact]
    public async Task Post_WithoutAuthorization_RunsAsAnonymous()
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ me }" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("me").ValueKind);
    }

    [Theory]
    [InlineData("Bearer good")]
    [InlineData("bearer good")]
    public async Task Post_WithValidBearerToken_RunsAsThatUser(string authorization)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ me }" }, authorization: authorization));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FakeAccessTokens.UserName, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("me").GetString());
    }

    [Theory]
    [InlineData("Bearer expired", GraphQLResponseJson)]
    [InlineData("Bearer expired", Json)]
    [InlineData("Bearer ", Json)]
    [InlineData("Basic Zm9vOmJhcg==", Json)]
    [InlineData("good", Json)]
    public async Task Post_WithInvalidAuthorization_Returns401WithUnauthenticatedError(string authorization, string accept)
    {
        using var response = await client.SendAsync(Post(server.HttpUri, new { query = "{ me }" }, accept, authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UNAUTHENTICATED", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Get_WithInvalidBearerToken_Returns401()
    {
        using var request = Get(server.HttpUri, "{ me }");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer tampered");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => client.Dispose();
}
