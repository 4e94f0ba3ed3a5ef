namespace CodeScan.Application.Common.Abstractions;

/// <summary>
/// Runs a unit of work in one database transaction under the provider's execution strategy: the work may
/// be run again from the start after a transient failure (a deadlock), with a clean change tracker.
/// When <paramref name="shouldCommit"/> says so, the aggregates and their events are saved and committed
/// together; otherwise everything is rolled back.
/// </summary>
public interface ITransactionRunner
{
    Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> work, Func<TResult, bool> shouldCommit, CancellationToken cancellationToken);
}
