namespace CodeScan.Application.ReadModels;

internal static class NewerStream
{
    /// <summary>
    /// <see cref="NewerStream{T}"/> from the position <paramref name="readable"/> reads now; from 0 when the read models
    /// cannot say (the live feed reports an unreachable Redis itself, UNAVAILABLE), so the items are then only kept in order.
    /// </summary>
    public static async Task<IObservable<T>> AfterReadableAsync<T>(IObservable<T> items, Func<Task<long>> readable, Func<T, long> positionOf)
    {
        long floor;
        try
        {
            floor = await readable();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            floor = 0;
        }

        return new NewerStream<T>(items, floor, positionOf);
    }
}

/// <summary>
/// The items of <paramref name="items"/> that are newer (a higher <paramref name="positionOf"/>) than
/// <paramref name="readable"/> and than every item already passed on to the same subscriber. Read models are
/// announced after they are projected, without the projector waiting for the announcement, so an announcement can
/// reach a subscriber after what it announces was readable, or after a later one: a live feed passes on neither.
/// </summary>
internal sealed class NewerStream<T>(IObservable<T> items, long readable, Func<T, long> positionOf) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => items.Subscribe(new Filter(observer, readable, positionOf));

    private sealed class Filter(IObserver<T> observer, long readable, Func<T, long> positionOf) : IObserver<T>
    {
        private long _newest = readable;

        public void OnNext(T value)
        {
            // Interlocked: a feed calls one subscriber at a time, but need not do so from one thread.
            var position = positionOf(value);
            var newest = Interlocked.Read(ref _newest);
            while (position > newest)
            {
                var seen = Interlocked.CompareExchange(ref _newest, position, newest);
                if (seen == newest)
                {
                    observer.OnNext(value);
                    return;
                }

                newest = seen;
            }
        }

        public void OnError(Exception error) => observer.OnError(error);

        public void OnCompleted() => observer.OnCompleted();
    }
}
