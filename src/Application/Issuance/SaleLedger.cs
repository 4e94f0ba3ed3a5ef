using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.Issuance;

/// <summary>Posts the sale of a card or coupon to the merchant's ledger accounts (a free coupon posts nothing).</summary>
internal static class SaleLedger
{
    public static async Task PostAsync(
        ILedger ledger, Merchant merchant, Guid instrumentId, TransferKind kind, long price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transfers = InstrumentSale.Transfers(merchant.Id, instrumentId, kind, new Money(price, merchant.Currency), now);
        if (transfers.Count == 0)
        {
            return;
        }

        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantCash, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.MerchantDeferredRevenue, merchant.Id, null, merchant.Currency),
        ], cancellationToken);
        if (!await ledger.PostAsync(transfers, cancellationToken))
        {
            throw new InvalidOperationException("The ledger refused a sale.");
        }
    }
}
