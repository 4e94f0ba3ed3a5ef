using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Ledger;

/// <summary>
/// The ledger on the relational write model. A customer's accounts are locked in the body of the unit of work,
/// in ascending id order, and their guard (debits never above credits) is decided there; the merchant-side
/// totals, the customer totals a lock has decided, and the transfers are written by the
/// <see cref="CommitBatch"/> in the transaction's last round trip, so the rows every payment of a merchant
/// shares are held for no longer than that (docs/decisions/0009). The ledger table's check constraints refuse
/// a negative customer balance whatever the code decided.
/// </summary>
internal sealed class EfLedger(CodeScanDbContext db, CommitBatch batch, KnownLedgerAccounts known) : ILedger
{
    public async Task EnsureAccountsAsync(IEnumerable<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        var all = accounts.ToList();
        all.ForEach(a => batch.RememberKind(a.Id, a.Kind));
        var wanted = all.Where(a => !known.Exists(a.Id)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var ids = wanted.Select(a => a.Id).ToList();

        // A plain read first: on InnoDB an INSERT IGNORE that meets an existing row takes a shared lock
        // on it, and two payments that then both want the row exclusively would deadlock. Rows this
        // transaction opened itself are not "committed" yet, and are not remembered as existing.
        var existing = await db.LedgerAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var account in wanted.Where(a => existing.Contains(a.Id) && !batch.Opened(a.Id)))
        {
            known.AddCommitted(account.Id, account.Kind);
        }

        var insertIgnore = db.Dialect.InsertIgnore;
        foreach (var account in wanted.Where(a => !existing.Contains(a.Id)).OrderBy(a => a.Id))
        {
            var sql = FormattableStringFactory.Create(
                insertIgnore + " INTO ledger_accounts (id, kind, merchant_id, customer_id, currency, debits_posted, credits_posted) VALUES ({0}, {1}, {2}, {3}, {4}, 0, 0)",
                account.Id.ToString(),
                account.Kind.ToString(),
                account.MerchantId.Value.ToString(),
                account.CustomerId?.Value.ToString()!,
                account.Currency);
            await db.Database.ExecuteSqlAsync(sql, cancellationToken);
            batch.MarkOpened(account.Id);
        }
    }

    public async Task<StoredValueBalance> LockStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken)
    {
        var principal = LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId).ToString();
        var bonus = LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId).ToString();

        // SQLite takes the database write lock at BEGIN IMMEDIATE, so the plain read is already exclusive.
        var forUpdate = db.Dialect.ForUpdate;
        var sql = FormattableStringFactory.Create(
            "SELECT * FROM ledger_accounts WHERE id IN ({0}, {1}) ORDER BY id" + forUpdate, principal, bonus);
        var accounts = await db.LedgerAccounts.FromSql(sql).AsNoTracking().ToListAsync(cancellationToken);
        return batch.HoldLockedStoredValue(merchantId, customerId, accounts.Select(a => (a.Id, a.Kind, a.DebitsPosted, a.CreditsPosted)));
    }

    public async Task<bool> PostAsync(IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        var changes = transfers
            .SelectMany(t => new[] { (Account: t.DebitAccountId, Debit: t.Amount, Credit: 0L), (Account: t.CreditAccountId, Debit: 0L, Credit: t.Amount) })
            .GroupBy(c => c.Account)
            .Select(g => (Account: g.Key, Debit: g.Sum(c => c.Debit), Credit: g.Sum(c => c.Credit)))
            .OrderBy(c => c.Account)
            .ToList();
        var customerAccounts = await CustomerAccountsAsync(changes.Select(c => c.Account), cancellationToken);
        if (customerAccounts is null)
        {
            return false;
        }

        foreach (var (accountId, debit, credit) in changes.Where(c => customerAccounts.Contains(c.Account)))
        {
            if (!await PostToCustomerAccountAsync(accountId, debit, credit, cancellationToken))
            {
                return false;
            }
        }

        foreach (var (accountId, debit, credit) in changes.Where(c => !customerAccounts.Contains(c.Account)))
        {
            batch.AddToMerchantAccount(accountId, debit, credit);
        }

        batch.AddTransfers(transfers);
        return true;
    }

    /// <summary>
    /// Changes a customer account's totals. An account this unit of work holds locked has its guard decided here,
    /// on the totals the lock read, and its UPDATE rides in the commit batch (the table's check constraint stands
    /// behind that decision); any other account is changed now by a guarded UPDATE, which can still refuse.
    /// </summary>
    private async Task<bool> PostToCustomerAccountAsync(Guid accountId, long debit, long credit, CancellationToken cancellationToken)
    {
        if (batch.TryGetCustomerAccount(accountId, out var locked))
        {
            if (locked.Debits + debit > locked.Credits + credit)
            {
                return false;
            }

            batch.AddToLockedCustomerAccount(accountId, debit, credit);
            batch.RememberCustomerAccount(accountId, locked.Debits + debit, locked.Credits + credit);
            return true;
        }

        // The guard is part of the UPDATE itself: a customer account's debits may never exceed its credits.
        var updated = await db.LedgerAccounts
            .Where(a => a.Id == accountId && a.DebitsPosted + debit <= a.CreditsPosted + credit)
            .ExecuteUpdateAsync(
                a => a.SetProperty(x => x.DebitsPosted, x => x.DebitsPosted + debit)
                      .SetProperty(x => x.CreditsPosted, x => x.CreditsPosted + credit),
                cancellationToken);
        return updated == 1;
    }

    public async Task<StoredValueBalance> GetStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken)
    {
        var ids = new[]
        {
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId),
            LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId),
        };

        // Inside a unit of work that holds the accounts locked, their totals are known without asking again.
        if (batch.TryGetCustomerAccount(ids[0], out var principal) && batch.TryGetCustomerAccount(ids[1], out var bonus))
        {
            return ToBalance([
                (AccountKind.CustomerPrincipal, principal.Credits - principal.Debits),
                (AccountKind.CustomerBonus, bonus.Credits - bonus.Debits)]);
        }

        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return ToBalance(accounts.Select(a => (a.Kind, a.Balance)));
    }

    /// <summary>
    /// Which of the accounts belong to a customer. Account ids are derived from kind, merchant and customer, so
    /// the ones this unit of work locked or opened are known; any other is looked up once per node.
    /// </summary>
    /// <returns>Null when an account does not exist at all.</returns>
    private async Task<HashSet<Guid>?> CustomerAccountsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var kinds = new Dictionary<Guid, AccountKind>();
        var unknown = new List<Guid>();
        foreach (var id in accountIds)
        {
            if ((batch.KindOf(id) ?? known.KindOf(id)) is { } kind)
            {
                kinds[id] = kind;
            }
            else
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count > 0)
        {
            var found = await db.LedgerAccounts.AsNoTracking().Where(a => unknown.Contains(a.Id)).Select(a => new { a.Id, a.Kind }).ToListAsync(cancellationToken);
            if (found.Count < unknown.Count)
            {
                return null;
            }

            found.ForEach(a => kinds[a.Id] = a.Kind);
        }

        return kinds.Where(k => k.Value.IsCustomerAccount()).Select(k => k.Key).ToHashSet();
    }

    private static StoredValueBalance ToBalance(IEnumerable<(AccountKind Kind, long Balance)> accounts)
    {
        var list = accounts.ToList();
        return new StoredValueBalance(
            list.Where(a => a.Kind == AccountKind.CustomerPrincipal).Sum(a => a.Balance),
            list.Where(a => a.Kind == AccountKind.CustomerBonus).Sum(a => a.Balance));
    }
}
