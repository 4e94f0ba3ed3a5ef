using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Redemptions.ReverseRedemption;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary><c>reverseRedemption</c>: merchant staff give back part or all of a payment (Application/Redemptions/ReverseRedemption).</summary>
public sealed class ReverseRedemption : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ReverseRedemptionPayloadType>>("reverseRedemption")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: give back part or all of a payment within the reversal window (24 h by default), with a reason.")
            .Argument<NonNullGraphType<ReverseRedemptionInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ReverseRedemptionInput>("input");
                var outcome = await ctx.Send(new ReverseRedemptionCommand(
                    GlobalId.ToMerchantId(input.MerchantId),
                    GlobalId.ToGuid(input.RedemptionId, RedemptionType.TypeName),
                    input.Amount,
                    input.Uses,
                    input.Reason,
                    input.IdempotencyKey));
                return outcome.ToPayload(r => r);
            });
}

public sealed record ReverseRedemptionInput(string MerchantId, string RedemptionId, long? Amount, int? Uses, string Reason, string IdempotencyKey);

public sealed class ReverseRedemptionInputType : InputObjectGraphType<ReverseRedemptionInput>
{
    public ReverseRedemptionInputType()
    {
        Name = "ReverseRedemptionInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<IdGraphType>>("redemptionId");
        Field<LongGraphType>("amount").Description("Stored value to give back, in minor units. With neither amount nor uses, everything not yet given back is reversed.");
        Field<IntGraphType>("uses").Description("Times-card uses to give back.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("1 to 200 characters, kept with the reversal.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey");
    }
}

public sealed class ReversalType : ObjectGraphType<ReversalResult>
{
    public ReversalType()
    {
        Name = "Reversal";
        Description = "Part or all of a payment given back.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Reversal", ctx.Source.ReversalId));
        Field<NonNullGraphType<IdGraphType>>("redemptionId").Resolve(ctx => GlobalId.Encode(RedemptionType.TypeName, ctx.Source.RedemptionId));
        Field<NonNullGraphType<PaymentModeType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<MoneyType>>("storedValueRestored").Resolve(ctx => new Money(ctx.Source.StoredValueRestored, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("principalRestored").Resolve(ctx => new Money(ctx.Source.PrincipalRestored, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonusRestored").Resolve(ctx => new Money(ctx.Source.BonusRestored, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("usesRestored").Resolve(ctx => ctx.Source.UsesRestored);
        Field<IntGraphType>("usesLeft").Description("Uses on the times card after the reversal.").Resolve(ctx => ctx.Source.UsesLeft);
        Field<NonNullGraphType<BooleanGraphType>>("couponRestored").Description("The coupon is usable again (only when the whole payment is reversed and the coupon is still valid).").Resolve(ctx => ctx.Source.CouponRestored);
        Field<NonNullGraphType<MoneyType>>("outsideToRefund").Description("When the whole payment is now reversed: what the customer paid at the till, for the till to hand back.").Resolve(ctx => new Money(ctx.Source.OutsideToRefund, ctx.Source.Currency));
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
        Field<NonNullGraphType<MoneyType>>("storedValueAfter").Resolve(ctx => new Money(ctx.Source.PrincipalAfter + ctx.Source.BonusAfter, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("storedValueLeftToReverse").Resolve(ctx => new Money(ctx.Source.StoredValueLeftToReverse, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("usesLeftToReverse").Resolve(ctx => ctx.Source.UsesLeftToReverse);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}

public sealed class ReverseRedemptionPayloadType() : PayloadType<ReversalResult, ReversalType>("ReverseRedemptionPayload", "reversal");
