namespace CodeScan.Infrastructure.Messaging;

/// <summary>An observable that attaches on subscribe and detaches on dispose.</summary>
internal sealed class ChannelObservable<T>(Func<IObserver<T>, Action> attach) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => new Detach(attach(observer));

    private sealed class Detach(Action detach) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                detach();
            }
        }
    }
}
