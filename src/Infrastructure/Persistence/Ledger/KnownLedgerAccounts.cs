using System.Collections.Concurrent;
using CodeScan.Domain.Ledger;

namespace CodeScan.Infrastructure.Persistence.Ledger;

/// <summary>
/// What this node has seen committed of the ledger's accounts: accounts are never deleted and an account's
/// kind never changes (its id is derived from it), so once seen, an account needs no second look-up. Keeps a
/// payment from reading its merchant's and customer's accounts just to learn that they exist.
/// </summary>
internal sealed class KnownLedgerAccounts
{
    /// <summary>Past this many, start again: a bound on memory, not a correctness limit.</summary>
    private const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<Guid, AccountKind> _accounts = new();

    public bool Exists(Guid accountId) => _accounts.ContainsKey(accountId);

    public AccountKind? KindOf(Guid accountId) => _accounts.TryGetValue(accountId, out var kind) ? kind : null;

    /// <summary>Only for accounts read as committed: a row this transaction inserted may still roll back.</summary>
    public void AddCommitted(Guid accountId, AccountKind kind)
    {
        if (_accounts.Count >= Capacity)
        {
            _accounts.Clear();
        }

        _accounts[accountId] = kind;
    }
}
