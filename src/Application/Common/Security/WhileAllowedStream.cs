namespace CodeScan.Application.Common.Security;

/// <summary>
/// A live stream that lasts only while its subscriber may hear it. It checks once after it starts listening
/// for changes (closing the gap since the pipeline's check) and again on every change announced; the first
/// refusal ends the stream with a <see cref="ForbiddenException"/>, and nothing follows it.
/// </summary>
/// <param name="refusal">Why the subscriber may no longer hear the stream, or null while it may.</param>
internal sealed class WhileAllowedStream<T, TChange>(IObservable<T> inner, IObservable<TChange> changes, Func<CancellationToken, Task<string?>> refusal)
    : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var subscription = new Subscription(observer, refusal);
        subscription.Changes = changes.Subscribe(new OnEach<TChange>(_ => subscription.Recheck()));
        subscription.Inner = inner.Subscribe(subscription);
        subscription.Recheck();
        return subscription;
    }

    private sealed class Subscription(IObserver<T> observer, Func<CancellationToken, Task<string?>> refusal) : IObserver<T>, IDisposable
    {
        private readonly Lock gate = new();
        private readonly CancellationTokenSource stop = new();
        private bool ended;
        private int disposed;

        public IDisposable? Changes { get; set; }

        public IDisposable? Inner { get; set; }

        public void Recheck() => _ = RecheckAsync();

        public void OnNext(T value) => Forward(() => observer.OnNext(value));

        public void OnError(Exception error) => End(() => observer.OnError(error));

        public void OnCompleted() => End(observer.OnCompleted);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1)
            {
                return;
            }

            lock (gate)
            {
                ended = true;
            }

            stop.Cancel();
            Changes?.Dispose();
            Inner?.Dispose();
        }

        private async Task RecheckAsync()
        {
            try
            {
                if (await refusal(stop.Token) is { } reason)
                {
                    End(() => observer.OnError(new ForbiddenException(reason)));
                    Dispose();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                // The check itself failed (the database is away): the stream cannot vouch for its subscriber.
                End(() => observer.OnError(ex));
                Dispose();
            }
        }

        private void Forward(Action send)
        {
            lock (gate)
            {
                if (!ended)
                {
                    send();
                }
            }
        }

        private void End(Action last)
        {
            lock (gate)
            {
                if (ended)
                {
                    return;
                }

                ended = true;
                last();
            }
        }
    }

    private sealed class OnEach<TValue>(Action<TValue> onNext) : IObserver<TValue>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(TValue value) => onNext(value);
    }
}
