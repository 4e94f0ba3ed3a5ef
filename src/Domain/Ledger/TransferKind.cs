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
}
