using System.Text.Json;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Messaging;

/// <summary>Redis pub/sub: a payment taken on any node reaches a till connected to any node.</summary>
internal sealed class RedisNotificationBus(IConnectionMultiplexer redis, RedisKeys keys) : INotificationBus
{
    /// <summary>
    /// Sent without waiting for Redis's count of receivers, which nothing uses: the projector goes on to its next
    /// write at once, and the connection keeps the order. A message lost with the connection is no different
    /// from one published while a till was away: the till replays what it missed from the alert stream.
    /// A rebuild's keys are muted: the events it replays were announced when they happened.
    /// </summary>
    public Task PublishAsync<T>(string channel, T message, CancellationToken cancellationToken) => keys.Muted
        ? Task.CompletedTask
        : redis.GetSubscriber().PublishAsync(keys.Channel(channel), JsonSerializer.Serialize(message, NotificationJson.Options), CommandFlags.FireAndForget);

    /// <summary>
    /// Each observer reads its own queue, so it hears the channel in publish order: an alert stream skips
    /// positions older than the last it passed on, and a wallet shows the last balance it heard. (A handler
    /// passed to Subscribe would be called concurrently, in no particular order.) When the subscription's
    /// connection fails (Redis restarted, the network cut), whatever was published meanwhile is lost to it even
    /// though the client resubscribes on its own afterwards: the observer is ended with
    /// <see cref="FeedUnavailableException"/>, so a till reconnects and replays from its cursor instead of going
    /// on, quietly short of alerts. Subscribing while Redis is away ends it the same way at once.
    /// </summary>
    public IObservable<T> Observe<T>(string channel) => new ChannelObservable<T>(observer =>
    {
        var ending = new Ending<T>(observer);
        void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                ending.Fail(new FeedUnavailableException(FeedUnavailableException.LostConnection, e.Exception));
            }
        }

        redis.ConnectionFailed += OnConnectionFailed;
        ChannelMessageQueue queue;
        try
        {
            // Subscribing synchronously means no message published after Observe returns is missed.
            queue = redis.GetSubscriber().Subscribe(keys.Channel(channel));
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            ending.Fail(new FeedUnavailableException(FeedUnavailableException.LostConnection, ex));
            return () => { };
        }

        queue.OnMessage(message => ending.Next(JsonSerializer.Deserialize<T>(message.Message.ToString(), NotificationJson.Options)!));

        // Telling Redis is not waited for, so ending a subscription (a till leaving, a node stopping) never fails
        // or stalls while Redis is away.
        return () =>
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            queue.Unsubscribe(CommandFlags.FireAndForget);
        };
    });

    /// <summary>Passes messages on until the first failure, which it passes on once; nothing follows it.</summary>
    private sealed class Ending<T>(IObserver<T> observer)
    {
        private int _failed;

        public void Next(T value)
        {
            if (Volatile.Read(ref _failed) == 0)
            {
                observer.OnNext(value);
            }
        }

        public void Fail(Exception error)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 0)
            {
                observer.OnError(error);
            }
        }
    }
}
