namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>Counts the DI scopes the transports open and close, through a scoped <see cref="ScopedProbe"/>.</summary>
public sealed class ScopeTracker
{
    private int created;
    private int disposed;

    public int Created => Volatile.Read(ref created);

    public int Disposed => Volatile.Read(ref disposed);

    public void OnCreated() => Interlocked.Increment(ref created);

    public void OnDisposed() => Interlocked.Increment(ref disposed);

    public async Task WaitUntilAllDisposedAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (Created != Disposed)
        {
            await Task.Delay(10, cancellation.Token);
        }
    }
}

public sealed class ScopedProbe : IDisposable
{
    private readonly ScopeTracker tracker;

    public ScopedProbe(ScopeTracker tracker)
    {
        this.tracker = tracker;
        tracker.OnCreated();
    }

    public Guid Id { get; } = Guid.NewGuid();

    public void Dispose() => tracker.OnDisposed();
}
