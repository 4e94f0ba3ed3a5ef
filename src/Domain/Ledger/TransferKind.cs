namespace CodeScan.Domain.Ledger;

public enum TransferKind
{
    RechargePrincipal,
    RechargeBonus,
    RedeemPrincipal,
    RedeemBonus,
}
