using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;

namespace CodeScan.Domain.Instruments;

/// <summary>
/// The ledger side of selling a card or coupon: the price moves from merchant cash to deferred revenue,
/// a liability until the instrument is honoured (docs/decisions/0007). Free instruments move nothing.
/// </summary>
public static class InstrumentSale
{
    public static IReadOnlyList<Transfer> Transfers(MerchantId merchantId, Guid instrumentId, TransferKind kind, Money price, DateTimeOffset now)
    {
        if (kind is not (TransferKind.CardSale or TransferKind.CouponSale))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Only card and coupon sales are instrument sales.");
        }

        return price.IsPositive
            ?
            [
                Transfer.Create(
                    LedgerAccount.IdFor(AccountKind.MerchantCash, merchantId, null),
                    LedgerAccount.IdFor(AccountKind.MerchantDeferredRevenue, merchantId, null),
                    price,
                    kind,
                    instrumentId,
                    now),
            ]
            : [];
    }
}
