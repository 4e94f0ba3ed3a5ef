using CodeScan.Api.Tests.Transport.TestHost;

namespace CodeScan.Api.Tests.Transport.WebSockets;

/// <summary>Runs the reference npm graphql-ws client against our server; see tests/clients/graphql-ws.</summary>
public sealed class GraphQLWsNodeClientTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task NodeGraphQLWsClient_ReceivesEventsPublishedThroughOurServer()
    {
        await using var node = await GraphQLWsNodeClient.StartAsync(
            server.WebSocketUri,
            FakeAccessTokens.ValidToken,
            "subscription Events($topic: String) { events(topic: $topic) { topic message } }",
            new { topic = "node" },
            expectedCount: 2,
            Timeout);
        await server.Hub.WaitForSubscribersAsync(1, Timeout);

        server.Hub.Publish("node", "one");
        server.Hub.Publish("node", "two");

        var payloads = await node.WaitAsync();
        Assert.Equal(
            ["one", "two"],
            payloads.Select(p => p.GetProperty("data").GetProperty("events").GetProperty("message").GetString()));
        await server.Hub.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task NodeGraphQLWsClient_ReceivesAQueryResultAndServerComplete()
    {
        await using var node = await GraphQLWsNodeClient.StartAsync(
            server.WebSocketUri, FakeAccessTokens.ValidToken, "{ me }", variables: null, expectedCount: 0, Timeout);

        var payload = Assert.Single(await node.WaitAsync());

        Assert.Equal(FakeAccessTokens.UserName, payload.GetProperty("data").GetProperty("me").GetString());
    }

    [Fact]
    public async Task NodeGraphQLWsClient_WithInvalidToken_IsClosedWith4403()
    {
        await using var node = await GraphQLWsNodeClient.StartAsync(
            server.WebSocketUri, "expired", "{ me }", variables: null, expectedCount: 1, Timeout);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(node.WaitAsync);

        Assert.Contains("4403", failure.Message, StringComparison.Ordinal);
    }
}
