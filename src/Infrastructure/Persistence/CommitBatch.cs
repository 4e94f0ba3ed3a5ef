using System.Data.Common;
using CodeScan.Application.Common.Idempotency;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// What a unit of work writes in its last round trip, after every business lock is held and every decision
/// made: the idempotency record, the new rows taken from SaveChanges (<see cref="DeferredInserts"/>), the totals of the customer accounts it holds locked, the merchant-side ledger
/// totals, the transfers, the event-log positions and
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
internal sealed partial class CommitBatch(KnownLedgerAccounts knownAccounts)
{
    private readonly SortedDictionary<Guid, (long Debits, long Credits)> _merchantTotals = [];
    private readonly SortedDictionary<Guid, (long Debits, long Credits)> _lockedCustomerTotals = [];
    private readonly List<Transfer> _transfers = [];
    private readonly Dictionary<Guid, (long Debits, long Credits)> _customerTotals = [];
    private readonly Dictionary<Guid, AccountKind> _kinds = [];
    private readonly HashSet<Guid> _opened = [];
    private (string Actor, string Key, string RequestHash, string ResponseJson, long CreatedAt)? _idempotency;

    /// <summary>New rows taken from SaveChanges (MySQL), written right after the idempotency claim.</summary>
    internal DeferredInserts Inserts { get; } = new();

    /// <summary>Forgets everything: a unit of work that is run again starts from nothing.</summary>
    public void Reset()
    {
        _merchantTotals.Clear();
        _lockedCustomerTotals.Clear();
        _transfers.Clear();
        _customerTotals.Clear();
        _kinds.Clear();
        _opened.Clear();
        _idempotency = null;
        Inserts.Reset();
    }

    /// <summary>Adds to a merchant-side account's totals at commit (these accounts have no guard to check).</summary>
    internal void AddToMerchantAccount(Guid accountId, long debit, long credit)
    {
        var totals = _merchantTotals.GetValueOrDefault(accountId);
        _merchantTotals[accountId] = (totals.Debits + debit, totals.Credits + credit);
    }

    /// <summary>
    /// Adds to a customer account this transaction holds locked, whose guard was decided on the locked totals
    /// (the row is the transaction's own already; the check constraint refuses a negative balance regardless).
    /// </summary>
    internal void AddToLockedCustomerAccount(Guid accountId, long debit, long credit)
    {
        var totals = _lockedCustomerTotals.GetValueOrDefault(accountId);
        _lockedCustomerTotals[accountId] = (totals.Debits + debit, totals.Credits + credit);
    }

    internal void AddTransfers(IEnumerable<Transfer> transfers) => _transfers.AddRange(transfers);

    /// <summary>Totals of a customer account as this transaction holds it locked (and has changed it).</summary>
    internal void RememberCustomerAccount(Guid accountId, long debits, long credits) => _customerTotals[accountId] = (debits, credits);

    /// <summary>
    /// Takes in the customer's stored-value accounts as read under this transaction's lock: their guard is decided
    /// on these totals from now on (see <see cref="EfLedger.PostAsync"/>), and the balance is returned.
    /// </summary>
    internal StoredValueBalance HoldLockedStoredValue(
        MerchantId merchantId, UserId customerId, IEnumerable<(Guid Id, AccountKind Kind, long Debits, long Credits)> accounts)
    {
        RememberKind(LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId), AccountKind.CustomerPrincipal);
        RememberKind(LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId), AccountKind.CustomerBonus);
        long principal = 0, bonus = 0;
        foreach (var (id, kind, debits, credits) in accounts)
        {
            RememberCustomerAccount(id, debits, credits);
            principal += kind == AccountKind.CustomerPrincipal ? credits - debits : 0;
            bonus += kind == AccountKind.CustomerBonus ? credits - debits : 0;
        }

        return new StoredValueBalance(principal, bonus);
    }

    internal bool TryGetCustomerAccount(Guid accountId, out (long Debits, long Credits) totals) => _customerTotals.TryGetValue(accountId, out totals);

    internal void RememberKind(Guid accountId, AccountKind kind) => _kinds[accountId] = kind;

    internal AccountKind? KindOf(Guid accountId) => _kinds.TryGetValue(accountId, out var kind) ? kind : null;

    /// <summary>An account this transaction inserted: it exists only if the transaction commits.</summary>
    internal void MarkOpened(Guid accountId) => _opened.Add(accountId);

    internal bool Opened(Guid accountId) => _opened.Contains(accountId);

    /// <summary>After the commit: the accounts this transaction opened exist now, and need no second look-up.</summary>
    internal void Committed()
    {
        foreach (var accountId in _opened)
        {
            knownAccounts.AddCommitted(accountId, _kinds[accountId]);
        }

        Reset();
    }

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
        if (db.Database.CurrentTransaction is null && !db.Started.IsActive)
        {
            throw new InvalidOperationException("The commit batch runs inside the unit of work's transaction.");
        }

        var dialect = db.Dialect;
        var commits = dialect.CommitsInBatch && commit;
        using var parameterMaker = db.Database.GetDbConnection().CreateCommand();
        var parameters = new BatchParameters(parameterMaker);
        if (Statements(parameters, events, now, dialect, commits) is not { } sql)
        {
            return;
        }

        try
        {
            // As EF runs raw SQL (on the unit's connection, guarded against concurrent use of the context, seen by its
            // logging and interceptors), without its builder's copies of a text this long; it stops at the first error.
            var command = new RelationalCommand(db.GetService<RelationalCommandBuilderDependencies>(), sql, parameters.All);
            using var exclusive = db.GetService<IConcurrencyDetector>().EnterCriticalSection();
            await command.ExecuteNonQueryAsync(
                new RelationalCommandParameterObject(
                    db.GetService<IRelationalConnection>(), null, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.ExecuteSqlRaw),
                cancellationToken);
            if (commits)
            {
                db.Started.Committed();
            }
        }
        catch (DbException ex) when (_idempotency is not null && SqlDialect.IsDuplicateKey(ex))
        {
            throw new IdempotencyKeyTakenException(ex);
        }
    }
}
