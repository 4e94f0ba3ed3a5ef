namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>
/// The test schema's event source: tests publish here and wait until the server has subscribed,
/// so no event is pushed before anyone listens.
/// </summary>
public sealed class TestEventHub
{
    private readonly Lock gate = new();
    private readonly List<(string? Topic, IObserver<TestEvent> Observer)> subscribers = [];
    private int counter;

    public int SubscriberCount
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count;
            }
        }
    }

    public int Increment(int by) => Interlocked.Add(ref counter, by);

    public int Counter => Volatile.Read(ref counter);

    public IObservable<TestEvent> Watch(string? topic) => new TopicObservable(this, topic);

    public void Publish(string topic, string message)
    {
        IObserver<TestEvent>[] targets;
        lock (gate)
        {
            targets = [.. subscribers.Where(s => s.Topic is null || s.Topic == topic).Select(s => s.Observer)];
        }

        foreach (var observer in targets)
        {
            observer.OnNext(new TestEvent(topic, message));
        }
    }

    public async Task WaitForSubscribersAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (SubscriberCount != count)
        {
            await Task.Delay(10, cancellation.Token);
        }
    }

    private void Remove(IObserver<TestEvent> observer)
    {
        lock (gate)
        {
            subscribers.RemoveAll(s => ReferenceEquals(s.Observer, observer));
        }
    }

    private sealed class TopicObservable(TestEventHub hub, string? topic) : IObservable<TestEvent>
    {
        public IDisposable Subscribe(IObserver<TestEvent> observer)
        {
            lock (hub.gate)
            {
                hub.subscribers.Add((topic, observer));
            }

            return new Unsubscriber(hub, observer);
        }
    }

    private sealed class Unsubscriber(TestEventHub hub, IObserver<TestEvent> observer) : IDisposable
    {
        public void Dispose() => hub.Remove(observer);
    }
}
