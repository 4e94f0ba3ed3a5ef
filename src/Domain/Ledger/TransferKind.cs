namespace CodeScan.Domain.Ledger;

public enum TransferKind
{
    RechargePrincipal,
    RechargeBonus,
    RedeemPrincipal,
    RedeemBonus,

    /// <summary>A card sold: merchant cash → deferred revenue.</summary>
    CardSale,

    /// <summary>A coupon sold: merchant cash → deferred revenue.</summary>
    CouponSale,

    /// <summary>A times card's use or a coupon honoured: deferred revenue → sales.</summary>
    RevenueRecognised,

    /// <summary>A reversal: sales → the customer's principal.</summary>
    ReversePrincipal,

    /// <summary>A reversal: sales → the customer's bonus.</summary>
    ReverseBonus,

    /// <summary>A reversal of a card use or coupon: sales → deferred revenue.</summary>
    RevenueReversed,
}
