using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;

namespace CodeScan.Api.Tests.Api;

/// <summary>The edges of Apollo's persisted-query protocol and of batched requests (ApolloClientTests drives the happy path with Apollo itself).</summary>
public sealed class PersistedQueriesAndBatchesTests
{
    [Fact]
    public async Task PersistedQuery_WithAHashThatIsNotTheQuerys_IsRefusedAndRegistersNothing()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var hash = PersistedQueries.Sha256("{ __typename }");

        var mismatch = await ApiCalls.PostRawAsync(host, Persisted("{ me { id } }", hash), accept: ApiCalls.GraphQLResponseJson);
        var byHash = await ApiCalls.PostRawAsync(host, Persisted(null, hash), accept: ApiCalls.GraphQLResponseJson);

        Assert.Equal((HttpStatusCode.BadRequest, "PERSISTED_QUERY_HASH_MISMATCH"), (mismatch.Status, mismatch.FirstErrorCode));
        Assert.False(mismatch.Json.ContainsKey("data"));
        Assert.Equal((HttpStatusCode.OK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"),
            (byHash.Status, byHash.FirstErrorCode, byHash.Json["errors"]![0]!["message"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"80873183e74c7fa5bfb385f2d9d28a83f9bda01a52784fcec920269ce73cef26"}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"not-a-hash"}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":"80873183e74c7fa5bfb385f2d9d28a83f9bda01a52784fcec920269ce73cef26"}}""")]
    public async Task PersistedQuery_ThatIsNotVersion1WithAHash_IsABadRequest(string body)
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var response = await ApiCalls.PostRawAsync(host, body);

        Assert.Equal((HttpStatusCode.BadRequest, "BAD_REQUEST"), (response.Status, response.FirstErrorCode));
        Assert.Contains("persistedQuery", response.Json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task PersistedMutation_AskedForByHashOverGet_IsStillRefusedAsAMutationOverGet()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        const string mutation = "mutation { signOut(input: { refreshToken: \"x\" }) { errors { code } } }";
        var hash = PersistedQueries.Sha256(mutation);
        await ApiCalls.PostRawAsync(host, Persisted(mutation, hash));

        var extensions = Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + extensions);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Batch_AnswersEachOperationInOrder_AndItsFailuresStayItsOwn()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var body = $$"""[{"query":"{ __typename }"},{"query":"{ nope }"},{{Persisted(null, PersistedQueries.Sha256("{ me { id } }"))}},{"query":"{ me { id } }"}]""";

        var response = await ApiCalls.PostRawAsync(host, body, accept: ApiCalls.GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = JsonNode.Parse(response.Text)!.AsArray();
        Assert.Equal(4, results.Count);
        Assert.Equal("Query", results[0]!["data"]!["__typename"]!.GetValue<string>());
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", results[1]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", results[2]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(results[3]!["data"]!["me"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task Batch_OutsideOneToTheCap_IsABadRequest(int operations)
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"query":"{ __typename }"}""", operations)) + "]";

        var response = await ApiCalls.PostRawAsync(host, body);

        Assert.Equal((HttpStatusCode.BadRequest, "BAD_REQUEST"), (response.Status, response.FirstErrorCode));
        Assert.Contains($"1 to 10 operations; this one holds {operations}", response.Json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_WithAMalformedOperation_IsABadRequestNamingIt()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        var response = await ApiCalls.PostRawAsync(host, """[{"query":"{ __typename }"}, 42]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("Operation 1 of the batch:", response.Json["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static string Persisted(string? query, string hash) =>
        JsonSerializer.Serialize(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
}
