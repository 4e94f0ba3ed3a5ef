namespace CodeScan.Domain.Ledger;

/// <summary>What a ledger account holds. Customer accounts are per customer per merchant.</summary>
public enum AccountKind
{
    /// <summary>Stored value the customer paid for (a liability of the merchant). Never negative.</summary>
    CustomerPrincipal,

    /// <summary>Stored value granted on top of a recharge (a liability). Never negative.</summary>
    CustomerBonus,

    /// <summary>Money the merchant received for stored value (an asset).</summary>
    MerchantCash,

    /// <summary>Sales recognised when stored value is spent (revenue).</summary>
    MerchantSales,

    /// <summary>The cost of bonuses the merchant granted (an expense).</summary>
    MerchantBonusExpense,

    /// <summary>
    /// Cards and coupons sold but not yet honoured (a liability): the merchant owes the service until the
    /// card is used or the coupon written off (docs/decisions/0007).
    /// </summary>
    MerchantDeferredRevenue,
}

public static class AccountKindExtensions
{
    /// <summary>Liabilities and revenue grow by credits; assets and expenses grow by debits.</summary>
    public static bool IsCreditNormal(this AccountKind kind) =>
        kind is AccountKind.CustomerPrincipal or AccountKind.CustomerBonus or AccountKind.MerchantSales or AccountKind.MerchantDeferredRevenue;

    /// <summary>Customer balances may never go below zero: debits must not exceed credits.</summary>
    public static bool DebitsMustNotExceedCredits(this AccountKind kind) =>
        kind is AccountKind.CustomerPrincipal or AccountKind.CustomerBonus;

    public static bool IsCustomerAccount(this AccountKind kind) =>
        kind is AccountKind.CustomerPrincipal or AccountKind.CustomerBonus;
}
