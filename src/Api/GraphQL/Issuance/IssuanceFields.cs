using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Issuance;
using CodeScan.Application.Issuance.ClaimCoupon;
using CodeScan.Application.Issuance.IssueAtCounter;
using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Issuance;

/// <summary>Free coupons claimed by the customer, and anything issued by staff when the customer paid offline.</summary>
public static class IssuanceFields
{
    public static void AddIssuanceMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IssuancePayloadType>>("claimCoupon")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer claims a free coupon (a priced one is bought with `purchase`).")
            .Argument<NonNullGraphType<ClaimCouponInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                GlobalId.TryDecode(input.GetValueOrDefault("couponTemplateId")?.ToString(), CouponTemplateType.TypeName, out var templateId);
                var outcome = await ctx.Send(new ClaimCouponCommand(
                    MerchantReviewFields.MerchantIdOf(input), templateId, MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(i => i);
            });

        mutation.Field<NonNullGraphType<IssuancePayloadType>>("issueAtCounter")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: issue a card, a coupon or stored value to a customer who paid at the counter.")
            .Argument<NonNullGraphType<IssueAtCounterInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var outcome = await ctx.Send(new IssueAtCounterCommand(
                    MerchantReviewFields.MerchantIdOf(input), MerchantReviewFields.Text(input, "customerPhone"),
                    CatalogItemInputType.ItemOf(input), MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(i => i);
            });
    }
}

/// <summary>Exactly one of the three ids; `amount` for a recharge only.</summary>
public sealed class CatalogItemInputType : InputObjectGraphType
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

    /// <summary>
    /// The item named by input.item, or null when not exactly one id is given (the validator explains). An id
    /// that does not decode becomes the empty id: the application answers NOT_FOUND after authorization.
    /// </summary>
    internal static CatalogItemRef? ItemOf(Dictionary<string, object?> input)
    {
        if (input.GetValueOrDefault("item") is not Dictionary<string, object?> item)
        {
            return null;
        }

        var named = new (string Field, string Type, OrderItemKind Kind)[]
        {
            ("cardProductId", CardProductType.TypeName, OrderItemKind.CardProduct),
            ("couponTemplateId", CouponTemplateType.TypeName, OrderItemKind.CouponTemplate),
            ("rechargePlanId", RechargePlanType.TypeName, OrderItemKind.RechargePlan),
        }.Where(n => item.GetValueOrDefault(n.Field) is not null).ToList();
        if (named.Count != 1)
        {
            return null;
        }

        var (field, type, kind) = named[0];
        GlobalId.TryDecode(item[field]!.ToString(), type, out var id);
        return new CatalogItemRef(kind, id, item.GetValueOrDefault("amount") as long?);
    }
}

public sealed class ClaimCouponInputType : InputObjectGraphType
{
    public ClaimCouponInputType()
    {
        Name = "ClaimCouponInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<IdGraphType>>("couponTemplateId");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}

public sealed class IssueAtCounterInputType : InputObjectGraphType
{
    public IssueAtCounterInputType()
    {
        Name = "IssueAtCounterInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("customerPhone").Description("The customer's mobile number; an unknown number is registered.");
        Field<NonNullGraphType<CatalogItemInputType>>("item");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}

public sealed class IssuancePayloadType() : PayloadType<IssuedInstrument, IssuanceType>("IssuancePayload", "instrument");
