using CodeScan.Application.Merchants;
using CodeScan.Application.Redemptions;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Ledger;

/// <summary>
/// A payment's terms in one query: the merchant's status and currency, the customer's membership cards there,
/// and the customer's two stored-value accounts. Asked to lock them, on MySQL it puts
/// <c>UPDATE ledger_accounts SET debits_posted = debits_posted WHERE id IN (…)</c> in front of that query, in the
/// unit's first round trip right after START TRANSACTION: the UPDATE changes nothing but takes both rows' locks,
/// and the query that follows (a new READ COMMITTED snapshot) reads them as locked. So a stored-value payment
/// costs one round trip before its commit batch instead of two (docs/decisions/0009). SQLite holds the database's
/// write lock from BEGIN IMMEDIATE, so its read is locked already.
/// </summary>
/// <remarks>
/// Only accounts this node has seen committed are locked this way: accounts are never deleted, so the UPDATE
/// is sure to find, and lock, both rows. A payment whose accounts are not known yet (its first at this merchant
/// on this node) locks them the usual way, after opening any that are missing.
/// </remarks>
internal sealed class EfPaymentTermsReader(CodeScanDbContext db, CommitBatch batch, KnownLedgerAccounts known) : IPaymentTermsReader
{
    public async Task<Result<PaymentTerms>> ReadAsync(MerchantId merchantId, UserId customerId, bool lockStoredValue, CancellationToken cancellationToken)
    {
        var principal = LedgerAccount.IdFor(AccountKind.CustomerPrincipal, merchantId, customerId);
        var bonus = LedgerAccount.IdFor(AccountKind.CustomerBonus, merchantId, customerId);
        var locked = lockStoredValue && LockWithRead(merchantId, principal, bonus);
        TermsRow? found = null;
        var cards = new List<Card>();
        await foreach (var row in (db.Dialect == SqlDialect.Sqlite ? OnSqlite : OnMySql)(db, merchantId, customerId, principal, bonus).WithCancellation(cancellationToken))
        {
            found = row;
            if (row.Card is { } card)
            {
                cards.Add(card);
            }
        }

        if (found is null)
        {
            return MerchantLookup.NotFound;
        }

        var balance = locked && found is { PrincipalDebits: { } pd, PrincipalCredits: { } pc, BonusDebits: { } bd, BonusCredits: { } bc }
            ? batch.HoldLockedStoredValue(merchantId, customerId, [(principal, AccountKind.CustomerPrincipal, pd, pc), (bonus, AccountKind.CustomerBonus, bd, bc)])
            : (StoredValueBalance?)null;
        return new PaymentTerms(new TradingTerms(found.Id, found.Status, found.Currency), cards, balance);
    }

    /// <summary>
    /// The query, compiled once per provider (each has its own model), so a payment skips EF's query pipeline. It
    /// reads a list (at most one merchant by its key) rather than asking for a single row: SingleOrDefault wraps
    /// the merchant in a derived table with LIMIT 2, which MariaDB materializes, sorts and throws away on every
    /// payment (two temporary tables a payment). The two accounts are LEFT JOINs on their keys rather than a collection
    /// (two collections make EF join both and sort the product by the cards' key, which MariaDB does in a temporary
    /// table with two sorts on every payment) or four scalar subqueries (which MariaDB optimizes one by one, about 6%
    /// of its CPU per payment). The cards are not a collection either but a LEFT JOIN, one row per card
    /// (a customer holds one membership card at a merchant, or none): a collection in the projection costs no SQL
    /// but a shaper whose nested lambdas compile a new delegate on every payment, and an ORDER BY. That join is on
    /// a composite key carrying the customer and kind, so its conditions sit in its ON clause: filtered with Where
    /// before DefaultIfEmpty, EF makes the cards a derived table that MariaDB parses, prepares and merges on every
    /// payment (measured in one process switched every 3 s: MariaDB CPU per payment 0.933×, all three 0.958×).
    /// </summary>
    private static readonly Func<CodeScanDbContext, MerchantId, UserId, Guid, Guid, IAsyncEnumerable<TermsRow>> OnMySql = Compile();
    private static readonly Func<CodeScanDbContext, MerchantId, UserId, Guid, Guid, IAsyncEnumerable<TermsRow>> OnSqlite = Compile();

    private static Func<CodeScanDbContext, MerchantId, UserId, Guid, Guid, IAsyncEnumerable<TermsRow>> Compile() =>
        EF.CompileAsyncQuery((CodeScanDbContext db, MerchantId merchantId, UserId customerId, Guid principal, Guid bonus) =>
            from m in db.Merchants.AsNoTracking().Where(m => m.Id == merchantId)
            join c in db.Cards.AsNoTracking()
                on new { MerchantId = m.Id, CustomerId = customerId, Kind = CardKind.MembershipCard } equals new { c.MerchantId, c.CustomerId, c.Kind } into cards
            from c in cards.DefaultIfEmpty()
            join p in db.LedgerAccounts.AsNoTracking() on principal equals p.Id into principals
            from p in principals.DefaultIfEmpty()
            join b in db.LedgerAccounts.AsNoTracking() on bonus equals b.Id into bonuses
            from b in bonuses.DefaultIfEmpty()
            select new TermsRow
            {
                Id = m.Id,
                Status = m.Status,
                Currency = m.Profile.Currency,
                Card = c,
                PrincipalDebits = p == null ? null : (long?)p.DebitsPosted,
                PrincipalCredits = p == null ? null : (long?)p.CreditsPosted,
                BonusDebits = b == null ? null : (long?)b.DebitsPosted,
                BonusCredits = b == null ? null : (long?)b.CreditsPosted,
            });

    /// <summary>Whether the query about to run reads the accounts under this transaction's lock.</summary>
    private bool LockWithRead(MerchantId merchantId, Guid principal, Guid bonus)
    {
        // The merchant's accounts must exist too: the payment skips opening accounts when it holds its stored value.
        var accounts = new[]
        {
            principal,
            bonus,
            LedgerAccount.IdFor(AccountKind.MerchantSales, merchantId, null),
            LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, merchantId, null),
        };
        if (!accounts.All(known.Exists))
        {
            return false;
        }

        if (db.Dialect.StartsInFirstCommand is null)
        {
            return db.Database.CurrentTransaction is not null;
        }

        // Ids this code derived (Guid.ToString(), nothing a client wrote); InnoDB locks an IN list in key order.
        return db.Started.AddToStart($"UPDATE ledger_accounts SET debits_posted = debits_posted WHERE id IN ('{principal}', '{bonus}');\n");
    }

    private sealed class TermsRow
    {
        public required MerchantId Id { get; init; }

        public required MerchantStatus Status { get; init; }

        public required string Currency { get; init; }

        /// <summary>A membership card the customer holds here (the LEFT JOIN's side), or null.</summary>
        public Card? Card { get; init; }

        public long? PrincipalDebits { get; init; }

        public long? PrincipalCredits { get; init; }

        public long? BonusDebits { get; init; }

        public long? BonusCredits { get; init; }
    }
}
