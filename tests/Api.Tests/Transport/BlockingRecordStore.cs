using CodeScan.Application.Records;

namespace CodeScan.Api.Tests.Transport;

/// <summary>
/// A records store whose reads never finish on their own: a read waits until its token is cancelled, so a test can
/// hold an operation running for as long as it likes and see whether (and when) the service cancels it.
/// </summary>
internal sealed class BlockingRecordStore : IRecordStore
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a read begins.</summary>
    public Task Started => started.Task;

    /// <summary>Completes when a read's token is cancelled.</summary>
    public Task Cancelled => cancelled.Task;

    public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult((0L, 0L));

    public async Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken)
    {
        started.TrySetResult();
        await using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        throw new InvalidOperationException("Unreachable: the delay ends only by cancellation.");
    }
}
