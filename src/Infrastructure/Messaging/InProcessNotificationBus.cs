using System.Collections.Concurrent;
using System.Text.Json;
using CodeScan.Application.ReadModels;

namespace CodeScan.Infrastructure.Messaging;

/// <summary>Embedded mode's bus. Messages go through JSON, as on Redis, so both modes behave alike.</summary>
internal sealed class InProcessNotificationBus : INotificationBus
{
    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _channels = new();

    public Task PublishAsync<T>(string channel, T message, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(channel, out var subscribers))
        {
            var json = JsonSerializer.Serialize(message, NotificationJson.Options);
            foreach (var subscriber in subscribers.Items)
            {
                subscriber(json);
            }
        }

        return Task.CompletedTask;
    }

    public IObservable<T> Observe<T>(string channel) => new ChannelObservable<T>(observer =>
    {
        void Handler(string json) => observer.OnNext(JsonSerializer.Deserialize<T>(json, NotificationJson.Options)!);
        _channels.AddOrUpdate(channel, _ => new ImmutableSubscribers([Handler]), (_, s) => new ImmutableSubscribers([.. s.Items, Handler]));
        return () => _channels.AddOrUpdate(channel, _ => new ImmutableSubscribers([]), (_, s) => new ImmutableSubscribers(s.Items.Where(h => h != (Action<string>)Handler).ToArray()));
    });

    /// <summary>How many observers listen on a channel (tests wait for a subscription to be live).</summary>
    internal int SubscriberCount(string channel) => _channels.TryGetValue(channel, out var subscribers) ? subscribers.Items.Length : 0;

    private sealed record ImmutableSubscribers(Action<string>[] Items);
}
