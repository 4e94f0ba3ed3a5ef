using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Ledger;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Users;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Wallets;

/// <summary>
/// Credits a recharge to the ledger (cash → principal, bonus expense → bonus) and records it: the one way
/// stored value enters the platform, at the counter or by a paid order.
/// </summary>
internal static class RechargeLedger
{
    public static async Task<StoredValueBalance> CreditAsync(
        IApplicationDbContext db, ILedger ledger, Merchant merchant, User customer, Recharge recharge, CancellationToken cancellationToken)
    {
        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantCash, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.MerchantBonusExpense, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerPrincipal, merchant.Id, customer.Id, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerBonus, merchant.Id, customer.Id, merchant.Currency),
        ], cancellationToken);

        return await ledger.BookAsync(db, recharge, balance => recharge.Complete(customer.Phone.Masked(), balance), cancellationToken)
            // Crediting never trips a guard; reaching here means the ledger is inconsistent.
            ?? throw new InvalidOperationException("The ledger refused a recharge.");
    }
}
