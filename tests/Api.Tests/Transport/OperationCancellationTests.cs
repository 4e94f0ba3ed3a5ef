using System.Net.Http.Headers;
using System.Text;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Transport;
using CodeScan.Application.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// An operation stops when nobody waits for it any more: the HTTP client hung up, the socket closed, or the
/// execution timeout ran out. The operation here is a records query whose store never answers on its own
/// (<see cref="BlockingRecordStore"/>), so only a cancellation ends it; the timeout runs on a fake clock.
/// </summary>
public sealed class OperationCancellationTests
{
    private const string RecordsQuery = "{ myRecords { nodes { kind } } }";

    /// <summary>How long to wait for something that happens at once; a safety net, never what a test measures.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HttpOperation_WhenTheClientDisconnects_IsCancelled()
    {
        var store = new BlockingRecordStore();
        await using var host = await StartAsync(store);
        var token = await host.SignInAsync(Phones.Next());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var hangUp = new CancellationTokenSource();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(ApiCalls.Body(RecordsQuery), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var call = client.SendAsync(request, hangUp.Token);
        await store.Started.WaitAsync(Patience);
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await store.Cancelled.WaitAsync(Patience);
    }

    [Fact]
    public async Task WebSocketOperation_WhenTheSocketCloses_IsCancelled()
    {
        var store = new BlockingRecordStore();
        await using var host = await StartAsync(store);
        var token = await host.SignInAsync(Phones.Next());
        var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + token);

        await socket.SubscribeAsync("1", RecordsQuery);
        await store.Started.WaitAsync(Patience);
        await socket.DisposeAsync();

        await store.Cancelled.WaitAsync(Patience);
    }

    [Fact]
    public async Task HttpOperation_WhenItOutlivesTheExecutionTimeout_IsCancelledAndAnswersExecutionTimeout()
    {
        var store = new BlockingRecordStore();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(store, clock);
        var token = await host.SignInAsync(Phones.Next());

        var call = ApiCalls.PostAsync(host, RecordsQuery, token: token);
        await store.Started.WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(store.Cancelled.IsCompleted, "cancelled before the timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        var response = await call.WaitAsync(Patience);

        await store.Cancelled.WaitAsync(Patience);
        Assert.True(response.FirstErrorCode == ExecutionTimeoutError.TimeoutCode, response.ToString());
        Assert.Contains("longer than 30 seconds", response.Text);
    }

    [Fact]
    public async Task WebSocketOperation_WhenItOutlivesTheExecutionTimeout_AnswersExecutionTimeout()
    {
        var store = new BlockingRecordStore();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(store, clock, timeout: "00:00:05");
        var token = await host.SignInAsync(Phones.Next());
        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + token);

        await socket.SubscribeAsync("1", RecordsQuery);
        await store.Started.WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(5));
        var messages = await socket.ReceiveUntilDoneAsync("1", Patience);

        await store.Cancelled.WaitAsync(Patience);
        var next = Assert.Single(messages, m => m.Type == "next");
        Assert.Equal(ExecutionTimeoutError.TimeoutCode, next.Payload!.Value.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static Task<CodeScanHost> StartAsync(BlockingRecordStore store, TimeProvider? clock = null, string? timeout = null) =>
        CodeScanHost.StartAsync(
            HostStores.Create(StoreMode.Embedded),
            settings =>
            {
                if (timeout is not null)
                {
                    settings["GraphQL:Limits:ExecutionTimeout"] = timeout;
                }
            },
            services: services =>
            {
                services.AddSingleton<IRecordStore>(store);
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }
            });
}
