namespace CodeScan.Infrastructure.Projections;

/// <summary>Wakes the projector right after a commit instead of waiting for its next poll.</summary>
public sealed class ProjectorSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>Signals the projector; one wake-up covers every commit before it, so a pending one is not added to.</summary>
    public void Notify()
    {
        lock (_gate)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
