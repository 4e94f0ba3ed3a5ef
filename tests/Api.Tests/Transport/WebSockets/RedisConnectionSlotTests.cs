using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Transport.WebSockets;

/// <summary>
/// The WebSocket connection slots two nodes share in Redis (one deployment prefix, one clock moved by the test):
/// a node's slots count on the other while it renews them, and free themselves once it stops.
/// </summary>
public sealed class RedisConnectionSlotTests : IAsyncLifetime
{
    private const string User = "user:someone";

    private readonly RedisKeys _deployment = new("cs_" + Guid.NewGuid().ToString("N")[..16] + ":");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task TryAcquire_WhileTheOtherNodeRenewsItsSlots_IsRefusedPastTheirFirstExpiry()
    {
        var (a, b) = (Node(), Node());
        Assert.NotNull(await a.TryAcquireAsync(User, 2, CancellationToken.None));
        Assert.NotNull(await b.TryAcquireAsync(User, 2, CancellationToken.None));

        for (var beat = 0; beat < 6; beat++)
        {
            _clock.Advance(RedisConnectionSlots.Heartbeat);
            await a.RenewAsync();
            await b.RenewAsync();
        }

        Assert.Null(await b.TryAcquireAsync(User, 2, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquire_WhenTheOtherNodeStoppedRenewing_SucceedsOnceItsSlotsExpired()
    {
        var (gone, live) = (Node(), Node());
        Assert.NotNull(await gone.TryAcquireAsync(User, 2, CancellationToken.None));
        Assert.NotNull(await gone.TryAcquireAsync(User, 2, CancellationToken.None));
        Assert.Null(await live.TryAcquireAsync(User, 2, CancellationToken.None));

        _clock.Advance(RedisConnectionSlots.Expiry - TimeSpan.FromSeconds(1));
        await live.RenewAsync();
        Assert.Null(await live.TryAcquireAsync(User, 2, CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await live.TryAcquireAsync(User, 2, CancellationToken.None));
        Assert.NotNull(await live.TryAcquireAsync(User, 2, CancellationToken.None));
        Assert.Null(await live.TryAcquireAsync(User, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_FreesTheSlotForTheOtherNode()
    {
        var (a, b) = (Node(), Node());
        var slot = await a.TryAcquireAsync(User, 1, CancellationToken.None);
        Assert.NotNull(slot);
        Assert.Null(await b.TryAcquireAsync(User, 1, CancellationToken.None));

        slot.Dispose();

        Assert.NotNull(await b.TryAcquireAsync(User, 1, CancellationToken.None));
        Assert.Equal(1, await _redis.GetDatabase().SortedSetLengthAsync(_deployment.ConnectionSlots(User)));
    }

    /// <summary>A node: its own slots and node id, the deployment's Redis and keys (one connection, so commands keep their order).</summary>
    private RedisConnectionSlots Node() => new(_redis, _deployment, _clock, NullLogger<RedisConnectionSlots>.Instance);
}
