using System.Text.Json;
using CodeScan.Api.Tests.Transport.TestHost;

namespace CodeScan.Api.Tests.Transport.WebSockets;

public sealed class WebSocketOperationTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>
{
    private const string EventsQuery = "subscription Events($topic: String) { events(topic: $topic) { topic message } }";

    [Fact]
    public async Task Subscribe_WithQuery_SendsOneNextThenComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("q", "query Hi($name: String) { hello(name: $name) }", new { name = "Ws" }, "Hi");

        var messages = await client.ReceiveUntilDoneAsync("q");
        Assert.Equal(["next", "complete"], messages.Select(m => m.Type));
        Assert.Equal("Hello, Ws!", messages[0].Payload!.Value.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Subscribe_WithMutation_SendsOneNextThenComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        var before = server.Hub.Counter;

        await client.SubscribeAsync("m", "mutation { increment(by: 5) }");

        var messages = await client.ReceiveUntilDoneAsync("m");
        Assert.Equal(["next", "complete"], messages.Select(m => m.Type));
        Assert.Equal(before + 5, messages[0].Payload!.Value.GetProperty("data").GetProperty("increment").GetInt32());
    }

    [Theory]
    [InlineData("{ hello ")]
    [InlineData("{ noSuchField }")]
    [InlineData("subscription { events(topic: 1) { nope } }")]
    public async Task Subscribe_WhenDocumentFailsParsingOrValidation_SendsErrorWithGraphQLErrors(string query)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("bad", query);

        var message = Assert.Single(await client.ReceiveUntilDoneAsync("bad"));
        Assert.Equal("error", message.Type);
        Assert.Equal(JsonValueKind.Array, message.Payload!.Value.ValueKind);
        Assert.All(message.Payload.Value.EnumerateArray(), error => Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Subscription_DeliversEachPublishedEvent()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        await client.SubscribeAsync("s", EventsQuery, new { topic = "orders" });
        await server.Hub.WaitForSubscribersAsync(1);

        server.Hub.Publish("orders", "first");
        server.Hub.Publish("other", "ignored");
        server.Hub.Publish("orders", "second");

        var first = await client.ReceiveAsync();
        var second = await client.ReceiveAsync();
        Assert.Equal(("next", "s"), (first.Type, first.Id));
        Assert.Equal("first", first.Payload!.Value.GetProperty("data").GetProperty("events").GetProperty("message").GetString());
        Assert.Equal("second", second.Payload!.Value.GetProperty("data").GetProperty("events").GetProperty("message").GetString());
        await client.CompleteAsync("s");
        await server.Hub.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Subscription_WhenStreamEnds_ServerSendsComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("f", "subscription { finite(count: 3) { message } }");

        var messages = await client.ReceiveUntilDoneAsync("f");
        Assert.Equal(["next", "next", "next", "complete"], messages.Select(m => m.Type));
        Assert.Equal(
            ["event 1", "event 2", "event 3"],
            messages.Take(3).Select(m => m.Payload!.Value.GetProperty("data").GetProperty("finite").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Subscription_WhenSourceStreamFailsToStart_SendsNextWithTheErrorThenComplete()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("r", "subscription { refused { message } }");

        // Like the reference graphql-ws server: an execution result rather than a stream is one next, then complete.
        var messages = await client.ReceiveUntilDoneAsync("r");
        Assert.Equal(["next", "complete"], messages.Select(m => m.Type));
        Assert.Equal("FORBIDDEN", messages[0].Payload!.Value.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Complete_FromClient_StopsTheSubscriptionAndFreesTheId()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        await client.SubscribeAsync("c", EventsQuery, new { topic = "c" });
        await server.Hub.WaitForSubscribersAsync(1);

        await client.CompleteAsync("c");
        await server.Hub.WaitForSubscribersAsync(0);
        server.Hub.Publish("c", "after complete");

        Assert.Null(await client.TryReceiveAsync(TimeSpan.FromMilliseconds(200)));
        await client.SubscribeAsync("c", EventsQuery, new { topic = "c" });
        await server.Hub.WaitForSubscribersAsync(1);
        server.Hub.Publish("c", "again");
        var next = await client.ReceiveAsync();
        Assert.Equal("again", next.Payload!.Value.GetProperty("data").GetProperty("events").GetProperty("message").GetString());
        await client.CompleteAsync("c");
        await server.Hub.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Complete_ForAnUnknownId_IsIgnored()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.CompleteAsync("never-started");
        await client.PingAsync();

        Assert.Equal("pong", (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task ManyConcurrentOperations_EachReceiveTheirOwnResults()
    {
        const int subscriptions = 10;
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        for (var i = 0; i < subscriptions; i++)
        {
            await client.SubscribeAsync($"s{i}", EventsQuery, new { topic = $"t{i}" });
        }

        await server.Hub.WaitForSubscribersAsync(subscriptions);
        await client.SubscribeAsync("slow", "{ slow(ms: 500) }");
        await client.SubscribeAsync("fast", "{ hello }");
        var publishers = Enumerable.Range(0, subscriptions)
            .Select(i => Task.Run(() =>
            {
                for (var n = 0; n < 5; n++)
                {
                    server.Hub.Publish($"t{i}", $"{i}:{n}");
                }
            }));
        await Task.WhenAll(publishers);

        var received = new List<GraphQLWsReceivedMessage>();
        while (received.Count < (subscriptions * 5) + 4)
        {
            received.Add(await client.ReceiveAsync());
        }

        for (var i = 0; i < subscriptions; i++)
        {
            var messages = received.Where(m => m.Id == $"s{i}")
                .Select(m => m.Payload!.Value.GetProperty("data").GetProperty("events").GetProperty("message").GetString());
            Assert.Equal(Enumerable.Range(0, 5).Select(n => $"{i}:{n}"), messages);
        }

        Assert.Equal(["next", "complete"], received.Where(m => m.Id == "slow").Select(m => m.Type));
        Assert.Equal(["next", "complete"], received.Where(m => m.Id == "fast").Select(m => m.Type));
        // A fast query is not held up behind a slow one.
        Assert.True(received.FindIndex(m => m.Id == "fast") < received.FindIndex(m => m.Id == "slow"));
    }

    [Fact]
    public async Task Subscribe_BeyondTheOperationLimit_SendsErrorForThatOperationOnly()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        for (var i = 0; i < TransportServerFixture.MaxOperationsPerSocket; i++)
        {
            await client.SubscribeAsync($"s{i}", EventsQuery, new { topic = "cap" });
        }

        await server.Hub.WaitForSubscribersAsync(TransportServerFixture.MaxOperationsPerSocket);

        await client.SubscribeAsync("one-too-many", EventsQuery, new { topic = "cap" });

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "one-too-many"), (error.Type, error.Id));
        Assert.Equal("TOO_MANY_OPERATIONS", error.Payload!.Value[0].GetProperty("extensions").GetProperty("code").GetString());
        await client.CompleteAsync("s0");
        await server.Hub.WaitForSubscribersAsync(TransportServerFixture.MaxOperationsPerSocket - 1);
        await client.SubscribeAsync("now-fits", "{ hello }");
        Assert.Equal("next", (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task EachOperation_RunsInItsOwnScope()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("a", "{ scopeId }");
        var a = (await client.ReceiveUntilDoneAsync("a"))[0];
        await client.SubscribeAsync("b", "{ scopeId }");
        var b = (await client.ReceiveUntilDoneAsync("b"))[0];

        Assert.NotEqual(
            a.Payload!.Value.GetProperty("data").GetProperty("scopeId").GetString(),
            b.Payload!.Value.GetProperty("data").GetProperty("scopeId").GetString());
    }

    [Fact]
    public async Task Disconnect_DisposesSubscriptionsAndScopes()
    {
        var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        await client.SubscribeAsync("scoped", "{ scopeId }");
        await client.ReceiveUntilDoneAsync("scoped");
        for (var i = 0; i < 3; i++)
        {
            await client.SubscribeAsync($"s{i}", EventsQuery, new { topic = "gone" });
        }

        await client.SubscribeAsync("slow", "{ slow(ms: 10000) }");
        await server.Hub.WaitForSubscribersAsync(3);

        await client.DisposeAsync();

        await server.Hub.WaitForSubscribersAsync(0);
        await server.Scopes.WaitUntilAllDisposedAsync();
        Assert.True(server.Scopes.Created > 0);
    }
}
