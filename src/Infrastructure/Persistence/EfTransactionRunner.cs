using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// The unit of work: one transaction per command under the provider's execution strategy, the
/// aggregates saved in one batch, then the <see cref="CommitBatch"/> (shared ledger totals, transfers,
/// event positions, events, COMMIT) in one more round trip, the projector woken after commit.
/// </summary>
internal sealed class EfTransactionRunner(CodeScanDbContext db, CommitBatch batch, ProjectorSignal signal, TimeProvider clock) : ITransactionRunner
{
    /// <summary>How often a unit of work that lost an optimistic-concurrency race is run again from the start.</summary>
    private const int ConcurrencyAttempts = 5;

    public async Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> work, Func<TResult, bool> shouldCommit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(work, shouldCommit, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyAttempts)
            {
                // Someone changed the same aggregate first (two admins deciding, two owners rotating a QR
                // code): decide again on the fresh state, which usually answers with a clear payload error.
            }
        }
    }

    private Task<TResult> RunOnceAsync<TResult>(Func<CancellationToken, Task<TResult>> work, Func<TResult, bool> shouldCommit, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();

        // READ COMMITTED on MySQL, BEGIN IMMEDIATE on SQLite (see SqlDialect).
        var isolation = SqlDialect.Of(db.Database).Isolation;

        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            batch.Reset();

            // One transaction, no savepoints: a failed SaveChanges fails the whole unit of work anyway.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(isolation, ct);
            var result = await work(ct);
            if (!shouldCommit(result))
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                batch.Reset();
                return result;
            }

            await CommitAsync(transaction, ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the aggregates, then runs the commit batch (ledger totals, transfers, event positions, events and,
    /// on MySQL, the COMMIT), and wakes the projector when there is something to project.
    /// </summary>
    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        await db.SaveChangesAsync(cancellationToken);
        await batch.ExecuteAsync(db, events, clock.GetUtcNow(), cancellationToken);

        // On MySQL the batch has committed already, and this COMMIT finds nothing left to do.
        await transaction.CommitAsync(cancellationToken);
        batch.Committed();
        aggregates.ForEach(a => a.ClearDomainEvents());

        if (events.Count > 0)
        {
            signal.Notify();
        }
    }
}
