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
    /// passed to Subscribe would be called concurrently, in no particular order.)
    /// </summary>
    public IObservable<T> Observe<T>(string channel) => new ChannelObservable<T>(observer =>
    {
        // Subscribing synchronously means no message published after Observe returns is missed.
        var queue = redis.GetSubscriber().Subscribe(keys.Channel(channel));
        queue.OnMessage(message => observer.OnNext(JsonSerializer.Deserialize<T>(message.Message.ToString(), NotificationJson.Options)!));

        // Telling Redis is not waited for, so ending a subscription (a till leaving, a node stopping) never fails
        // or stalls while Redis is away.
        return () => queue.Unsubscribe(CommandFlags.FireAndForget);
    });
}
