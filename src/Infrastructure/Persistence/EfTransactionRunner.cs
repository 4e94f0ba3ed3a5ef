using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.Projections;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// The unit of work: one transaction per command under the provider's execution strategy, the
/// aggregates saved in one batch, then the <see cref="CommitBatch"/> (new rows on MySQL, shared ledger totals,
/// transfers, event positions, events, COMMIT) in one more round trip, the projector woken after commit (on whichever node it runs).
/// </summary>
internal sealed class EfTransactionRunner(CodeScanDbContext db, CommitBatch batch, IProjectorWakeUp wakeUp, TimeProvider clock) : ITransactionRunner
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
        var strategy = db.UnitOfWorkStrategy;
        var dialect = db.Dialect;
        return strategy.ExecuteAsync(
            ct => dialect.StartsInFirstCommand is { } start
                ? RunInStartedTransactionAsync(start, work, shouldCommit, ct)
                : RunInProviderTransactionAsync(dialect, work, shouldCommit, ct),
            cancellationToken);
    }

    /// <summary>
    /// MySQL: the transaction starts in front of the unit's first command and ends with the commit batch's
    /// COMMIT, so neither BEGIN nor COMMIT costs a round trip of its own. The connection stays open for the unit,
    /// and EF's own transactions are off (EF would otherwise start one for a SaveChanges of several commands).
    /// </summary>
    private async Task<TResult> RunInStartedTransactionAsync<TResult>(
        string start, Func<CancellationToken, Task<TResult>> work, Func<TResult, bool> shouldCommit, CancellationToken cancellationToken)
    {
        Reset();
        await db.Database.OpenConnectionAsync(cancellationToken);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            db.Started.StartWithNextCommand(start);
            var result = await work(cancellationToken);
            if (!shouldCommit(result))
            {
                await db.Started.EndAsync(db, commit: false, cancellationToken);
                Reset();
                return result;
            }

            WakeProjectorIf(await CommitAsync(cancellationToken));
            return result;
        }
        catch
        {
            await db.Started.AbandonAsync(db);
            throw;
        }
        finally
        {
            db.Started.Clear();
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>SQLite: the provider's own transaction (BEGIN IMMEDIATE, see SqlDialect), committed after the batch.</summary>
    private async Task<TResult> RunInProviderTransactionAsync<TResult>(
        SqlDialect dialect, Func<CancellationToken, Task<TResult>> work, Func<TResult, bool> shouldCommit, CancellationToken cancellationToken)
    {
        Reset();
        await using var transaction = await db.Database.BeginTransactionAsync(dialect.Isolation, cancellationToken);
        var result = await work(cancellationToken);
        if (!shouldCommit(result))
        {
            await transaction.RollbackAsync(cancellationToken);
            Reset();
            return result;
        }

        // Woken only once the commit is visible: a projector woken before it would read nothing and sleep a whole poll interval.
        var committedEvents = await CommitAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        WakeProjectorIf(committedEvents);
        return result;
    }

    private void Reset()
    {
        db.ChangeTracker.Clear();
        batch.Reset();

        // One transaction, no savepoints: a failed SaveChanges fails the whole unit of work anyway.
        db.Database.AutoSavepointsEnabled = false;
    }

    private void WakeProjectorIf(bool committedEvents)
    {
        if (committedEvents)
        {
            wakeUp.Committed();
        }
    }

    /// <summary>
    /// Saves the aggregates, then runs the commit batch (ledger totals, transfers, event positions, events and,
    /// on MySQL, the COMMIT). Returns whether events were written: the projector has something to project.
    /// </summary>
    private async Task<bool> CommitAsync(CancellationToken cancellationToken)
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList();
        var events = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.OccurredAt).ToList();
        if (db.Started.IsActive)
        {
            // The batch ends the transaction on MySQL: the new rows ride in it instead of a round trip of their own.
            batch.Inserts.TakeFrom(db);
        }

        await db.SaveChangesAsync(cancellationToken);
        await batch.ExecuteAsync(db, events, clock.GetUtcNow(), cancellationToken);

        // A unit of work with nothing for the batch still has its transaction to end (MySQL); SQLite's caller commits.
        await db.Started.EndAsync(db, commit: true, cancellationToken);
        batch.Committed();
        aggregates.ForEach(a => a.ClearDomainEvents());
        return events.Count > 0;
    }
}
