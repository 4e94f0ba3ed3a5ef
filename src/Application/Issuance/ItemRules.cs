using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;

namespace CodeScan.Application.Issuance;

/// <summary>The shape of an item reference: exactly one item, and an amount for recharges only.</summary>
public static class ItemRules
{
    public static Error? Item(CatalogItemRef? item) => item switch
    {
        null => Error.Invalid("Name exactly one of cardProductId, couponTemplateId or rechargePlanId.", "item"),
        { Kind: OrderItemKind.RechargePlan, Amount: null } => Error.Invalid("A recharge needs an amount.", "amount"),
        { Kind: OrderItemKind.RechargePlan, Amount: { } amount } => Rules.Amount(amount),
        { Amount: not null } => Error.Invalid("Only a recharge takes an amount: cards and coupons cost their catalog price.", "amount"),
        _ => null,
    };
}
