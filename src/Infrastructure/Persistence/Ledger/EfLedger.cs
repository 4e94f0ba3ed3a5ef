using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Ledger;

/// <summary>
/// The ledger on the relational write model. Totals change only through guarded UPDATEs; accounts are
/// touched in ascending id order so two transactions never wait on each other in a cycle.
/// </summary>
internal sealed class EfLedger(CodeScanDbContext db) : ILedger
{
    public async Task EnsureAccountsAsync(IEnumerable<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        var wanted = accounts.ToList();
        var ids = wanted.Select(a => a.Id).ToList();

        // A plain read first: on InnoDB an INSERT IGNORE that meets an existing row takes a shared lock
        // on it, and two payments that then both want the row exclusively would deadlock.
        var existing = await db.LedgerAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var insertIgnore = db.Database.IsSqlite() ? "INSERT OR IGNORE" : "INSERT IGNORE";
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
        }
    }

    public async Task<StoredValueBalance> LockStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken)
    {
        var principal = LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId).ToString();
        var bonus = LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId).ToString();

        // SQLite takes the database write lock at BEGIN IMMEDIATE, so the plain read is already exclusive.
        var forUpdate = db.Database.IsSqlite() ? string.Empty : " FOR UPDATE";
        var sql = FormattableStringFactory.Create(
            "SELECT * FROM ledger_accounts WHERE id IN ({0}, {1}) ORDER BY id" + forUpdate, principal, bonus);
        var accounts = await db.LedgerAccounts.FromSql(sql).AsNoTracking().ToListAsync(cancellationToken);
        return ToBalance(accounts);
    }

    public async Task<bool> PostAsync(IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        var changes = transfers
            .SelectMany(t => new[] { (Account: t.DebitAccountId, Debit: t.Amount, Credit: 0L), (Account: t.CreditAccountId, Debit: 0L, Credit: t.Amount) })
            .GroupBy(c => c.Account)
            .OrderBy(g => g.Key);

        foreach (var change in changes)
        {
            var accountId = change.Key;
            var debit = change.Sum(c => c.Debit);
            var credit = change.Sum(c => c.Credit);

            // The guard is part of the UPDATE itself: a customer account's debits may never exceed its credits.
            var updated = await db.LedgerAccounts
                .Where(a => a.Id == accountId)
                .Where(a => !(a.Kind == AccountKind.CustomerPrincipal || a.Kind == AccountKind.CustomerBonus)
                            || a.DebitsPosted + debit <= a.CreditsPosted + credit)
                .ExecuteUpdateAsync(
                    a => a.SetProperty(x => x.DebitsPosted, x => x.DebitsPosted + debit)
                          .SetProperty(x => x.CreditsPosted, x => x.CreditsPosted + credit),
                    cancellationToken);
            if (updated != 1)
            {
                return false;
            }
        }

        db.Transfers.AddRange(transfers);
        return true;
    }

    public async Task<StoredValueBalance> GetStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken)
    {
        var ids = new[]
        {
            LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId),
            LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId),
        };
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return ToBalance(accounts);
    }

    private static StoredValueBalance ToBalance(IReadOnlyCollection<LedgerAccount> accounts) => new(
        accounts.Where(a => a.Kind == AccountKind.CustomerPrincipal).Sum(a => a.Balance),
        accounts.Where(a => a.Kind == AccountKind.CustomerBonus).Sum(a => a.Balance));
}
