using System.Net.WebSockets;
using System.Text;
using CodeScan.Api.Tests.Transport.TestHost;

namespace CodeScan.Api.Tests.Transport.WebSockets;

public sealed class WebSocketProtocolErrorTests(TransportServerFixture server) : IClassFixture<TransportServerFixture>
{
    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"payload\":{}}")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"unknown\"}")]
    [InlineData("{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}")]
    [InlineData("{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ hello }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"\",\"payload\":{\"query\":\"{ hello }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":1,\"payload\":{\"query\":\"{ hello }\"}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\"}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ hello }\",\"variables\":[]}}")]
    [InlineData("{\"type\":\"complete\"}")]
    [InlineData("{\"type\":\"ping\",\"payload\":\"text\"}")]
    public async Task Message_WhenInvalid_ClosesWith4400(string message)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SendRawAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_WhenBinary_ClosesWith4400()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);

        await client.SendFrameAsync(Encoding.UTF8.GetBytes("{\"type\":\"ping\"}"), WebSocketMessageType.Binary);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Message_WhenLargerThanTheLimit_ClosesWith1009()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        var padding = new string(' ', TransportServerFixture.MaxRequestBytes);

        await client.SendRawAsync($"{{\"type\":\"ping\"{padding}}}");

        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_BeforeConnectionAck_ClosesWith4401()
    {
        await using var client = await GraphQLWsTestClient.OpenAsync(server.WebSocketUri);

        await client.SubscribeAsync("1", "{ hello }");

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4401, close.Code);
        Assert.Equal("Unauthorized", close.Reason);
    }

    [Fact]
    public async Task Subscribe_WithTheIdOfAnActiveOperation_ClosesWith4409()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        await client.SubscribeAsync("dup", "subscription { events(topic: \"dup\") { message } }");
        await server.Hub.WaitForSubscribersAsync(1);

        await client.SubscribeAsync("dup", "subscription { events(topic: \"dup\") { message } }");

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4409, close.Code);
        Assert.Equal("Subscriber for dup already exists", close.Reason);
        await server.Hub.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Close_WithAVeryLongReason_IsTruncatedToFitTheCloseFrame()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(server.WebSocketUri);
        var id = new string('x', 300);
        await client.SubscribeAsync(id, "subscription { events(topic: \"long\") { message } }");
        await server.Hub.WaitForSubscribersAsync(1);

        await client.SubscribeAsync(id, "subscription { events(topic: \"long\") { message } }");

        var close = await client.ReceiveCloseAsync();
        Assert.Equal(4409, close.Code);
        Assert.True(Encoding.UTF8.GetByteCount(close.Reason!) <= 123);
        await server.Hub.WaitForSubscribersAsync(0);
    }
}
