namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>Emits a fixed number of events and then completes, to exercise server-initiated <c>complete</c>.</summary>
public sealed class FiniteObservable(int count) : IObservable<TestEvent>
{
    public IDisposable Subscribe(IObserver<TestEvent> observer)
    {
        var cancellation = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            // Emitting after Subscribe returns mirrors a real event source.
            await Task.Delay(20, CancellationToken.None);
            for (var i = 1; i <= count && !cancellation.IsCancellationRequested; i++)
            {
                observer.OnNext(new TestEvent("finite", $"event {i}"));
            }

            if (!cancellation.IsCancellationRequested)
            {
                observer.OnCompleted();
            }
        });
        return cancellation;
    }
}
