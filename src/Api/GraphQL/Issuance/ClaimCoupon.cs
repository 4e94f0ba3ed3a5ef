using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Application.Issuance.ClaimCoupon;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Issuance;

/// <summary><c>claimCoupon</c>: the signed-in customer claims a free coupon (Application/Issuance/ClaimCoupon).</summary>
public sealed class ClaimCoupon : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<IssuancePayloadType>>("claimCoupon")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer claims a free coupon (a priced one is bought with `purchase`).")
            .Argument<NonNullGraphType<ClaimCouponInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ClaimCouponInput>("input");
                var outcome = await ctx.Send(new ClaimCouponCommand(
                    GlobalId.ToMerchantId(input.MerchantId), GlobalId.ToGuid(input.CouponTemplateId, CouponTemplateType.TypeName), input.IdempotencyKey));
                return outcome.ToPayload(i => i);
            });
}

public sealed record ClaimCouponInput(string MerchantId, string CouponTemplateId, string IdempotencyKey);

public sealed class ClaimCouponInputType : InputObjectGraphType<ClaimCouponInput>
{
    public ClaimCouponInputType()
    {
        Name = "ClaimCouponInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<IdGraphType>>("couponTemplateId");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}
