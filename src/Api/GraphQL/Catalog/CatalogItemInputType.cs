using CodeScan.Application.Issuance;
using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary>What is bought (<c>purchase</c>) or issued (<c>issueAtCounter</c>): exactly one of the three ids.</summary>
public sealed record CatalogItemInput(string? CardProductId, string? CouponTemplateId, string? RechargePlanId, long? Amount)
{
    /// <summary>
    /// The item named, or null when not exactly one id is given (the validator explains). An id that does not
    /// decode becomes the empty id: the application answers NOT_FOUND after authorization.
    /// </summary>
    public CatalogItemRef? ToItemRef()
    {
        var named = new (string? Id, string Type, OrderItemKind Kind)[]
        {
            (CardProductId, CardProductType.TypeName, OrderItemKind.CardProduct),
            (CouponTemplateId, CouponTemplateType.TypeName, OrderItemKind.CouponTemplate),
            (RechargePlanId, RechargePlanType.TypeName, OrderItemKind.RechargePlan),
        }.Where(n => n.Id is not null).ToList();
        if (named.Count != 1)
        {
            return null;
        }

        var (id, type, kind) = named[0];
        return new CatalogItemRef(kind, GlobalId.ToGuid(id, type), Amount);
    }
}

public sealed class CatalogItemInputType : InputObjectGraphType<CatalogItemInput>
{
    public CatalogItemInputType()
    {
        Name = "CatalogItemInput";
        Description = "What is bought or issued: exactly one of the ids; `amount` (minor units) for a recharge plan only.";
        Field<IdGraphType>("cardProductId");
        Field<IdGraphType>("couponTemplateId");
        Field<IdGraphType>("rechargePlanId");
        Field<LongGraphType>("amount").Description("The recharge amount, within the plan's minimum and maximum.");
    }
}
