using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// A unit of work's transaction on MySQL, begun by text in front of the unit's first command and ended by the
/// commit batch's COMMIT, so that neither costs a round trip of its own (docs/decisions/0009). EF knows
/// nothing of it: the runner keeps the connection open for the whole unit and turns EF's own transactions off.
/// </summary>
internal sealed class StartedTransaction
{
    private string? _pendingStart;

    /// <summary>Whether the transaction has been started on the server and not yet committed or rolled back.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Whether a unit of work is under way (started, or waiting for its first command to start it).</summary>
    public bool IsActive => _pendingStart is not null || IsOpen;

    /// <summary>The next command on this context starts the transaction with these statements.</summary>
    public void StartWithNextCommand(string startStatements)
    {
        if (IsActive)
        {
            throw new InvalidOperationException("A unit of work is already under way on this context.");
        }

        _pendingStart = startStatements;
    }

    /// <summary>
    /// Adds statements to the start, to run in the unit's first round trip right after START TRANSACTION (a lock
    /// taken together with the unit's first read). False when the transaction has already started.
    /// </summary>
    public bool AddToStart(string statements)
    {
        if (_pendingStart is not { } start)
        {
            return false;
        }

        _pendingStart = start + statements;
        return true;
    }

    /// <summary>Puts the start in front of the command if it is the unit's first, as one statement where the server can.</summary>
    public void PrefixIfFirst(DbCommand command, SqlDialect dialect)
    {
        if (_pendingStart is { } start)
        {
            command.CommandText = dialect.AsOneStatement(start) + command.CommandText;
            _pendingStart = null;
            IsOpen = true;
        }
    }

    /// <summary>The batch that ended with COMMIT ran: the transaction is over.</summary>
    public void Committed() => IsOpen = false;

    /// <summary>Ends the transaction with COMMIT or ROLLBACK if it is still open, in a round trip of its own.</summary>
    public async Task EndAsync(DbContext db, bool commit, CancellationToken cancellationToken)
    {
        _pendingStart = null;
        if (IsOpen)
        {
            IsOpen = false;
            await db.Database.ExecuteSqlRawAsync(commit ? "COMMIT" : "ROLLBACK", cancellationToken);
        }
    }

    /// <summary>After a failure: rolls back if the server still has the transaction, without throwing again.</summary>
    public async Task AbandonAsync(DbContext db)
    {
        try
        {
            await EndAsync(db, commit: false, CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection is gone or broken; the server rolls the transaction back when it drops it.
        }
        catch (InvalidOperationException)
        {
            // The connection was closed under us; same as above.
        }
    }

    public void Clear()
    {
        _pendingStart = null;
        IsOpen = false;
    }
}

/// <summary>Applies a context's <see cref="StartedTransaction"/> to the first command of its unit of work.</summary>
internal sealed class TransactionStartInterceptor : DbCommandInterceptor
{
    public static readonly TransactionStartInterceptor Instance = new();

    private TransactionStartInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Prefix(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is CodeScanDbContext db)
        {
            db.Started.PrefixIfFirst(command, db.Dialect);
        }
    }
}
