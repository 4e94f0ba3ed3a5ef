using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Common.Abstractions;

/// <summary>
/// The double-entry ledger. Every call runs inside the unit of work's transaction.
/// </summary>
public interface ILedger
{
    /// <summary>Opens the accounts that do not exist yet; existing ones are left untouched.</summary>
    Task EnsureAccountsAsync(IEnumerable<LedgerAccount> accounts, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the customer's stored-value accounts at the merchant until the transaction ends and returns
    /// their balances, so a payment decides on a balance no one else can change underneath it.
    /// </summary>
    Task<StoredValueBalance> LockStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Posts the transfers with guarded updates. Returns false, and posts nothing that will be committed,
    /// when a guard refuses (an account would go below zero); the caller must then fail the command.
    /// </summary>
    Task<bool> PostAsync(IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken);

    Task<StoredValueBalance> GetStoredValueAsync(MerchantId merchantId, UserId customerId, CancellationToken cancellationToken);
}
