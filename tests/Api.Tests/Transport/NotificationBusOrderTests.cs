using CodeScan.Api.Tests.Support;
using CodeScan.Application.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// A channel delivers in publish order. Tills and wallets rely on it: an alert stream skips what is older than
/// what it has already passed on, and a wallet shows the last balance it heard.
/// </summary>
public abstract class NotificationBusOrderTests(StoreMode mode)
{
    private const int Messages = 5_000;

    [Fact]
    public async Task Observe_WhenMessagesArriveFasterThanTheyAreHandled_HandsThemOnInPublishOrder()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var bus = host.Services.GetRequiredService<INotificationBus>();
        var channel = $"order-test:{Guid.NewGuid():N}";
        var received = new List<int>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = bus.Observe<Numbered>(channel).Subscribe(new Collect(message =>
        {
            lock (received)
            {
                received.Add(message.N);
                if (received.Count == Messages)
                {
                    all.TrySetResult();
                }
            }
        }));
        await BusProbe.WaitForSubscriberAsync(host, channel);

        for (var n = 1; n <= Messages; n++)
        {
            await bus.PublishAsync(channel, new Numbered(n), CancellationToken.None);
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (received)
        {
            var firstOutOfOrder = received.Select((n, i) => (n, i)).FirstOrDefault(x => x.n != x.i + 1);
            Assert.True(firstOutOfOrder == default, $"Message {firstOutOfOrder.n} was handed on in place {firstOutOfOrder.i + 1}.");
        }
    }

    public sealed record Numbered(int N);

    private sealed class Collect(Action<Numbered> onNext) : IObserver<Numbered>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Numbered value)
        {
            // A handler that takes a moment, as a socket write does, gives a concurrent dispatcher room to reorder.
            Thread.SpinWait(2_000);
            onNext(value);
        }
    }
}

public sealed class EmbeddedNotificationBusOrderTests() : NotificationBusOrderTests(StoreMode.Embedded);

public sealed class MariaDbNotificationBusOrderTests() : NotificationBusOrderTests(StoreMode.MariaDbRedis);
