using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Pomelo.EntityFrameworkCore.MySql.Infrastructure;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// Everything the two providers do differently in our own SQL and transactions, in one place (decision 0004).
/// MySQL/MariaDB locks rows. SQLite has one writer: a Serializable transaction is <c>BEGIN IMMEDIATE</c> in
/// Microsoft.Data.Sqlite, which holds the database's write lock until COMMIT, so it takes no row locks at all.
/// </summary>
internal sealed class SqlDialect
{
    /// <summary>MySQL 8: several statements in one command are answered one packet each.</summary>
    public static readonly SqlDialect MySql = ForMySqlProtocol(compound: null);

    /// <summary>
    /// MariaDB: as <see cref="MySql"/>, but the statements a unit of work sends together run as one anonymous
    /// compound statement (<c>BEGIN NOT ATOMIC … END</c>), answered with one packet instead of one per statement —
    /// a send and a wake-up fewer on both sides for each (docs/decisions/0009).
    /// </summary>
    public static readonly SqlDialect MariaDb = ForMySqlProtocol(compound: ("BEGIN NOT ATOMIC\n", "END;\n"));

    public static readonly SqlDialect Sqlite = new()
    {
        InsertIgnore = "INSERT OR IGNORE",
        ForUpdate = string.Empty,
        LocksRows = false,
        OnDuplicateKeyIncrement = (key, counter) => $"ON CONFLICT({key}) DO UPDATE SET {counter} = {counter} + 1",
        Isolation = IsolationLevel.Serializable,
        StartsInFirstCommand = null,
        CommitsInBatch = false,
        Compound = null,
        TakePositions = "last_position + {0}",
        LastPositionTaken = "(SELECT last_position FROM event_sequence WHERE id = 1)",
        // WAL lets readers (the projector, queries) run while a payment is being written.
        AfterMigration = "PRAGMA journal_mode=WAL;",
    };

    private SqlDialect()
    {
    }

    /// <summary>
    /// The dialect of the MySQL-protocol server the write model is configured for: <see cref="MariaDb"/> on MariaDB unless
    /// compound statements are switched off (<c>MySql:CompoundStatements</c>), <see cref="MySql"/> otherwise.
    /// </summary>
    public static SqlDialect ForServer(ServerVersion server, bool compoundStatements) =>
        server.Type == ServerType.MariaDb && compoundStatements ? MariaDb : MySql;

    private static SqlDialect ForMySqlProtocol((string Begin, string End)? compound) => new()
    {
        InsertIgnore = "INSERT IGNORE",
        ForUpdate = " FOR UPDATE",
        LocksRows = true,
        OnDuplicateKeyIncrement = (_, counter) => $"ON DUPLICATE KEY UPDATE {counter} = {counter} + 1",
        // Guarded updates and locking reads see the latest committed rows, and a duplicate idempotency
        // claim sees the first one's outcome.
        Isolation = IsolationLevel.ReadCommitted,
        StartsInFirstCommand = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSTART TRANSACTION;\n",
        CommitsInBatch = true,
        Compound = compound,
        // The connection remembers the value given to LAST_INSERT_ID(expr) until its next such call or
        // AUTO_INCREMENT insert: the event rows read it without a subquery (which MariaDB prepares and optimizes
        // for every row).
        TakePositions = "LAST_INSERT_ID(last_position + {0})",
        LastPositionTaken = "LAST_INSERT_ID()",
        AfterMigration = null,
    };

    /// <summary>An INSERT that skips rows whose key exists already.</summary>
    public required string InsertIgnore { get; init; }

    /// <summary>Appended to a SELECT that must lock the rows it reads (empty where the database is locked already).</summary>
    public required string ForUpdate { get; init; }

    /// <summary>Whether a row must be locked with its own statement before it is changed.</summary>
    public required bool LocksRows { get; init; }

    /// <summary>The tail of an INSERT that adds one to a counter column when the row's key (column) exists.</summary>
    public required Func<string, string, string> OnDuplicateKeyIncrement { get; init; }

    /// <summary>The unit of work's isolation level.</summary>
    public required IsolationLevel Isolation { get; init; }

    /// <summary>
    /// The statements that start the unit of work's transaction (at <see cref="Isolation"/>) in front of its first
    /// command, instead of two round trips of their own; null where the provider's own transaction is used.
    /// </summary>
    public required string? StartsInFirstCommand { get; init; }

    /// <summary>Whether the commit batch ends with its own COMMIT, saving a round trip while shared rows are locked.</summary>
    public required bool CommitsInBatch { get; init; }

    /// <summary>
    /// What turns a run of statements (each ending with a semicolon) into one statement whose effects and errors
    /// are theirs, run in order and stopping at the first error; null where the server has no such thing.
    /// </summary>
    public required (string Begin, string End)? Compound { get; init; }

    /// <summary>
    /// The new value of <c>event_sequence.last_position</c> when a batch takes <c>{0}</c> positions, and how the same
    /// batch's later statements read the last position taken (before any other statement changes it).
    /// </summary>
    public required string TakePositions { get; init; }

    /// <inheritdoc cref="TakePositions"/>
    public required string LastPositionTaken { get; init; }

    /// <summary>The statements as one (see <see cref="Compound"/>), or as they are where the server cannot.</summary>
    public string AsOneStatement(string statements) => Compound is var (begin, end) ? begin + statements + end : statements;

    /// <summary>A statement run after migrating, if the provider needs one.</summary>
    public required string? AfterMigration { get; init; }

    /// <summary>A unique key was met: an idempotency key someone else committed first.</summary>
    public static bool IsDuplicateKey(DbException ex) => ex switch
    {
        MySqlException mySql => mySql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("idempotency_keys", StringComparison.Ordinal), // SQLITE_CONSTRAINT
        _ => false,
    };
}
