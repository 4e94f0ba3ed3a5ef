using System.Text.Json;
using CodeScan.Api.Tests.Transport.TestHost;

namespace CodeScan.Api.Tests.Transport.WebSockets;

public sealed class WebSocketHandshakeTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>
{
    [Fact]
    public async Task Connect_WithGraphQLTransportWs_SelectsTheSubprotocolAndAcknowledgesInit()
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);
        Assert.Equal("graphql-transport-ws", client.NegotiatedSubProtocol);

        await client.InitAsync();

        Assert.Equal("connection_ack", (await client.ReceiveAsync()).Type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("graphql-ws")]
    public async Task Connect_WithoutGraphQLTransportWs_ClosesWith4406(string? subProtocol)
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri, subProtocol);

        var close = await client.ReceiveCloseAsync();

        Assert.Equal(4406, close.Code);
        Assert.Null(client.NegotiatedSubProtocol);
    }

    [Fact]
    public async Task Init_WhenNotSentInTime_ClosesWith4408()
    {
        await using var shortTimeout = await TransportServerFixture.StartAsync(TransportServerFixture.ShortConnectionInitTimeout);
        await using var client = await GraphQLWsTestClient.OpenAsync(shortTimeout.WebSocketUri);

        var close = await client.ReceiveCloseAsync(TransportServerFixture.ShortConnectionInitTimeout * 10);

        Assert.Equal(4408, close.Code);
        Assert.Equal("Connection initialisation timeout", close.Reason);
    }

    [Fact]
    public async Task Init_WhenSentInTime_IsNotClosedByTheTimeout()
    {
        await using var shortTimeout = await TransportServerFixture.StartAsync(TransportServerFixture.ShortConnectionInitTimeout);
        await using var client = await GraphQLWsTestClient.OpenAsync(shortTimeout.WebSocketUri);
        await client.InitAsync();
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).Type);

        await Task.Delay(TransportServerFixture.ShortConnectionInitTimeout * 2);
        await client.PingAsync();

        Assert.Equal("pong", (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task Init_WhenSentTwice_ClosesWith4429()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.InitAsync();

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4429, close.Code);
        Assert.Equal("Too many initialisation requests", close.Reason);
    }

    [Theory]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"Bearer expired\"}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer expired\"}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"Basic abc\"}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"authorization\":42}}")]
    public async Task Init_WithInvalidToken_ClosesWith4403(string init)
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);

        await client.SendRawAsync(init);

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4403, close.Code);
        Assert.Equal("Forbidden", close.Reason);
    }

    [Theory]
    [InlineData("authorization", false)]
    [InlineData("Authorization", false)]
    [InlineData("Authorization", true)]
    [InlineData("authorization", true)]
    public async Task Init_WithValidToken_RunsOperationsAsThatUser(string key, bool inHeaders)
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);
        var token = new Dictionary<string, string> { [key] = $"Bearer {FakeAccessTokens.ValidToken}" };
        await client.SendAsync(new Dictionary<string, object>
        {
            ["type"] = "connection_init",
            ["payload"] = inHeaders ? new { headers = token } : token,
        });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).Type);

        await client.SubscribeAsync("1", "{ me }");

        var next = await client.ReceiveAsync();
        Assert.Equal(FakeAccessTokens.UserName, next.Payload!.Value.GetProperty("data").GetProperty("me").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"token\":\"Bearer good\"}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"headers\":{\"X-Token\":\"good\"}}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"headers\":\"Bearer good\"}}")]
    public async Task Init_WithAPayloadButNoTokenWhereClientsPutIt_ClosesWith4403SayingWhy(string init)
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);

        await client.SendRawAsync(init);

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4403, close.Code);
        Assert.StartsWith("Forbidden: no bearer token in connection_init", close.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":null}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"authorization\":null}}")]
    public async Task Init_WithAnEmptyPayload_IsAnonymous(string init)
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);
        await client.SendRawAsync(init);
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).Type);

        await client.SubscribeAsync("1", "{ me }");

        var next = await client.ReceiveAsync();
        Assert.Equal(JsonValueKind.Null, next.Payload!.Value.GetProperty("data").GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Init_WithoutToken_RunsOperationsAnonymously()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SubscribeAsync("1", "{ me }");

        var next = await client.ReceiveAsync();
        Assert.Equal(JsonValueKind.Null, next.Payload!.Value.GetProperty("data").GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Ping_ReturnsPongEchoingThePayload()
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);

        // Ping is allowed before connection_init.
        await client.PingAsync(new { seq = 7 });

        var pong = await client.ReceiveAsync();
        Assert.Equal("pong", pong.Type);
        Assert.Equal(7, pong.Payload!.Value.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task Pong_IsIgnored()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SendAsync(new { type = "pong" });
        await client.PingAsync();

        var reply = await client.ReceiveAsync();
        Assert.Equal("pong", reply.Type);
        Assert.Null(reply.Payload);
    }

    [Fact]
    public async Task Close_FromClient_IsAnsweredWithTheSameCode()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        var close = await client.CloseAsync();

        Assert.Equal(1000, close.Code);
    }
}
