using System.Data.Common;
using System.Text;
using CodeScan.Application.Common.Idempotency;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// What a unit of work writes in its last round trip, after every business lock is held and every decision
/// made: the idempotency record, the merchant-side ledger totals, the transfers, the event-log positions and
/// the events — and, on MySQL, the COMMIT itself (docs/decisions/0009). The rows every payment of a merchant
/// or of the whole platform shares (the merchant's sales and cash accounts, the event_sequence row) are
/// locked only inside this one statement batch, so no transaction waits on them for longer than the server
/// takes to run it.
/// </summary>
/// <remarks>
/// Lock order, which keeps this free of deadlocks: the body of a unit of work locks what is its own (the
/// customer's accounts, a card, a coupon); the batch locks the idempotency key, then merchant-side accounts in
/// id order, then the sequence row. No one waits in the body for a row that a batch holds.
/// </remarks>
public sealed class CommitBatch
{
    private readonly SortedDictionary<Guid, (long Debits, long Credits)> _merchantTotals = [];
    private readonly List<Transfer> _transfers = [];
    private readonly Dictionary<Guid, (long Debits, long Credits)> _customerTotals = [];
    private readonly Dictionary<Guid, AccountKind> _kinds = [];
    private readonly HashSet<Guid> _opened = [];
    private (string Actor, string Key, string RequestHash, string ResponseJson, long CreatedAt)? _idempotency;

    /// <summary>Forgets everything: a unit of work that is run again starts from nothing.</summary>
    public void Reset()
    {
        _merchantTotals.Clear();
        _transfers.Clear();
        _customerTotals.Clear();
        _kinds.Clear();
        _opened.Clear();
        _idempotency = null;
    }

    /// <summary>Adds to a merchant-side account's totals at commit (these accounts have no guard to check).</summary>
    internal void AddToMerchantAccount(Guid accountId, long debit, long credit)
    {
        var totals = _merchantTotals.GetValueOrDefault(accountId);
        _merchantTotals[accountId] = (totals.Debits + debit, totals.Credits + credit);
    }

    internal void AddTransfers(IEnumerable<Transfer> transfers) => _transfers.AddRange(transfers);

    /// <summary>Totals of a customer account as this transaction holds it locked (and has changed it).</summary>
    internal void RememberCustomerAccount(Guid accountId, long debits, long credits) => _customerTotals[accountId] = (debits, credits);

    internal bool TryGetCustomerAccount(Guid accountId, out (long Debits, long Credits) totals) => _customerTotals.TryGetValue(accountId, out totals);

    internal void RememberKind(Guid accountId, AccountKind kind) => _kinds[accountId] = kind;

    internal AccountKind? KindOf(Guid accountId) => _kinds.TryGetValue(accountId, out var kind) ? kind : null;

    /// <summary>An account this transaction inserted: it exists only if the transaction commits.</summary>
    internal void MarkOpened(Guid accountId) => _opened.Add(accountId);

    internal bool Opened(Guid accountId) => _opened.Contains(accountId);

    internal void RecordIdempotency(string actor, string key, string requestHash, string responseJson, DateTimeOffset now) =>
        _idempotency = (actor, key, requestHash, responseJson, now.UtcTicks);

    /// <summary>
    /// Runs the batch in the open transaction. On MySQL the batch ends with COMMIT, so the shared rows are
    /// released without waiting for another round trip; SQLite (one writer at a time anyway) is committed by
    /// the caller, as is an empty batch.
    /// </summary>
    /// <param name="commit">False only in tests that hold the transaction open at the batch's last moment.</param>
    /// <exception cref="IdempotencyKeyTakenException">Someone committed the same idempotency key first; nothing was written.</exception>
    internal async Task ExecuteAsync(CodeScanDbContext db, IReadOnlyList<IDomainEvent> events, DateTimeOffset now, CancellationToken cancellationToken, bool commit = true)
    {
        var isMySql = !db.Database.IsSqlite();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The commit batch runs inside the unit of work's transaction.");
        var sql = new StringBuilder();

        // The key first: a concurrent duplicate stops here, before it has locked anything else.
        if (_idempotency is { } claim)
        {
            sql.Append("INSERT INTO idempotency_keys (actor, idempotency_key, request_hash, response_json, created_at) VALUES (")
               .Append(Parameter(command, claim.Actor)).Append(", ").Append(Parameter(command, claim.Key)).Append(", ")
               .Append(Parameter(command, claim.RequestHash)).Append(", ").Append(Parameter(command, claim.ResponseJson)).Append(", ")
               .Append(Parameter(command, claim.CreatedAt)).Append(");\n");
        }

        foreach (var (accountId, totals) in _merchantTotals)
        {
            sql.Append("UPDATE ledger_accounts SET debits_posted = debits_posted + ").Append(Parameter(command, totals.Debits))
               .Append(", credits_posted = credits_posted + ").Append(Parameter(command, totals.Credits))
               .Append(" WHERE id = ").Append(Parameter(command, accountId.ToString())).Append(";\n");
        }

        if (_transfers.Count > 0)
        {
            sql.Append("INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, currency, kind, reference_id, created_at) VALUES ");
            sql.AppendJoin(", ", _transfers.Select(t =>
                $"({Parameter(command, t.Id.ToString())}, {Parameter(command, t.DebitAccountId.ToString())}, {Parameter(command, t.CreditAccountId.ToString())}, " +
                $"{Parameter(command, t.Amount)}, {Parameter(command, t.Currency)}, {Parameter(command, t.Kind.ToString())}, " +
                $"{Parameter(command, t.ReferenceId.ToString())}, {Parameter(command, t.CreatedAt.UtcTicks)})"));
            sql.Append(";\n");
        }

        if (events.Count > 0)
        {
            // Positions are taken here, with the sequence row locked from this UPDATE to the COMMIT below: a
            // transaction that got position n has committed (or rolled back) before any other can take n + 1.
            var count = Parameter(command, (long)events.Count);
            sql.Append("UPDATE event_sequence SET last_position = last_position + ").Append(count).Append(" WHERE id = 1;\n");
            sql.Append("INSERT INTO event_log (position, event_id, stream_id, event_type, payload, occurred_at, recorded_at) VALUES ");
            sql.AppendJoin(", ", events.Select((e, i) =>
                $"((SELECT last_position FROM event_sequence WHERE id = 1) - {count} + {i + 1}, {Parameter(command, Guid.CreateVersion7().ToString())}, " +
                $"{Parameter(command, e.StreamId)}, {Parameter(command, EventSerializer.TypeName(e))}, {Parameter(command, EventSerializer.Serialize(e))}, " +
                $"{Parameter(command, e.OccurredAt.UtcTicks)}, {Parameter(command, now.UtcTicks)})"));
            sql.Append(";\n");
        }

        if (sql.Length == 0)
        {
            return;
        }

        if (isMySql && commit)
        {
            sql.Append("COMMIT;");
        }

        command.CommandText = sql.ToString();
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex) when (_idempotency is not null && IsDuplicateKey(ex))
        {
            throw new IdempotencyKeyTakenException(ex);
        }
    }

    internal static bool IsDuplicateKey(DbException ex) => ex switch
    {
        MySqlException mySql => mySql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("idempotency_keys", StringComparison.Ordinal), // SQLITE_CONSTRAINT
        _ => false,
    };

    private static string Parameter(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@b" + command.Parameters.Count;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
