using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Redemptions;
using CodeScan.Application.Redemptions.Redeem;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary><c>redeem</c>: the signed-in customer pays at the till (Application/Redemptions/Redeem).</summary>
public sealed class Redeem : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<RedeemPayloadType>>("redeem")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer pays the merchant: STORED_VALUE (with their membership discount), TIMES_CARD (uses) or COUPON (the rest from stored value or paid outside).")
            .Argument<NonNullGraphType<RedeemInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RedeemInput>("input");
                var outcome = await ctx.Send(new RedeemCommand(
                    GlobalId.ToMerchantId(input.MerchantId),
                    input.Mode,
                    input.Amount,
                    GlobalId.ToOptionalGuid(input.TimesCardId, Issuance.IssuanceType.CardTypeName),
                    input.Uses,
                    GlobalId.ToOptionalGuid(input.CouponId, Issuance.IssuanceType.CouponTypeName),
                    input.PayRestWith,
                    input.IdempotencyKey));
                return outcome.ToPayload(r => r);
            });
}

public sealed record RedeemInput(
    string MerchantId, RedemptionMode Mode, long? Amount, string? TimesCardId, int? Uses, string? CouponId, RestPayment? PayRestWith, string IdempotencyKey);

public sealed class RedeemInputType : InputObjectGraphType<RedeemInput>
{
    public RedeemInputType()
    {
        Name = "RedeemInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<PaymentModeType>>("mode").DefaultValue(RedemptionMode.StoredValue);
        Field<LongGraphType>("amount").Description("The bill before discounts, in minor units (1 to 100000000; 0 allowed for a gift coupon). Not for TIMES_CARD.");
        Field<IdGraphType>("timesCardId").Description("TIMES_CARD: the card to use.");
        Field<IntGraphType>("uses").Description("TIMES_CARD: uses to take (default 1).");
        Field<IdGraphType>("couponId").Description("COUPON: the coupon to use.");
        Field<RestPaymentType>("payRestWith").Description("How the rest after discounts is paid (default STORED_VALUE; STORED_VALUE mode also takes STORED_VALUE_THEN_OUTSIDE).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}

public sealed class RedeemPayloadType() : PayloadType<RedemptionResult, RedemptionType>("RedeemPayload", "redemption");
