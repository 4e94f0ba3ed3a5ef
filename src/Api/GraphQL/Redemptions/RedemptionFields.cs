using CodeScan.Api.GraphQL.Inputs;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Redemptions.GetQuote;
using CodeScan.Application.Redemptions.Redeem;
using CodeScan.Application.Redemptions.RequestWriteOffCode;
using CodeScan.Application.Redemptions.ReverseRedemption;
using CodeScan.Application.Redemptions.WriteOff;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary>Paying at the till: quote, redeem, write-off codes, reversal.</summary>
public static class RedemptionFields
{
    public static void AddRedemptionQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<QuoteType>>("quote")
            .Allow(Access.SignedIn)
            .Description("A price preview for a bill at a merchant: the best membership discount, coupon and stored value, and what is left to pay. Nothing is reserved.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<NonNullGraphType<LongGraphType>>("amount", "The bill before discounts, in minor units.")
            .ResolveAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                var outcome = await ctx.Send(new GetQuoteQuery(new MerchantId(id), ctx.GetArgument<long>("amount")));
                return outcome.Error switch
                {
                    null => outcome.Value,
                    { Code: ErrorCode.NotFound } error => throw new ExecutionError(error.Message) { Code = "NOT_FOUND" },
                    { Code: ErrorCode.MerchantNotApproved } error => throw new ExecutionError(error.Message) { Code = "MERCHANT_NOT_APPROVED" },
                    { } error => throw new ExecutionError(error.Message) { Code = "BAD_USER_INPUT" },
                };
            });
    }

    public static void AddRedemptionMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RedeemPayloadType>>("redeem")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer pays the merchant: STORED_VALUE (with their membership discount), TIMES_CARD (uses) or COUPON (the rest from stored value or paid outside).")
            .Argument<NonNullGraphType<RedeemInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new RedeemCommand(
                    MerchantReviewFields.MerchantIdOf(input),
                    (RedemptionMode)input["mode"]!,
                    input.GetValueOrDefault("amount") as long?,
                    OptionalId(input, "timesCardId", "Card"),
                    input.GetValueOrDefault("uses") as int?,
                    OptionalId(input, "couponId", "Coupon"),
                    input.GetValueOrDefault("payRestWith") as RestPayment?,
                    MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(r => r);
            });

        mutation.Field<NonNullGraphType<ReverseRedemptionPayloadType>>("reverseRedemption")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: give back part or all of a payment within the reversal window (24 h by default), with a reason.")
            .Argument<NonNullGraphType<ReverseRedemptionInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                GlobalId.TryDecode(input.GetValueOrDefault("redemptionId") as string, RedemptionType.TypeName, out var redemptionId);
                var outcome = await ctx.Send(new ReverseRedemptionCommand(
                    MerchantReviewFields.MerchantIdOf(input),
                    redemptionId,
                    input.GetValueOrDefault("amount") as long?,
                    input.GetValueOrDefault("uses") as int?,
                    MerchantReviewFields.Text(input, "reason"),
                    MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(r => r);
            });

        mutation.Field<NonNullGraphType<RequestWriteOffCodePayloadType>>("requestWriteOffCode")
            .Allow(Access.SignedIn)
            .Description("The customer's app: a short-lived, single-use code for one coupon or times card, for a cashier to write off.")
            .Argument<NonNullGraphType<RequestWriteOffCodeInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new RequestWriteOffCodeCommand(OptionalId(input, "couponId", "Coupon"), OptionalId(input, "timesCardId", "Card"), input.GetValueOrDefault("uses") as int?));
                return outcome.ToPayload(r => r);
            });

        mutation.Field<NonNullGraphType<WriteOffPayloadType>>("writeOff")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: redeem the coupon or times card behind a customer's write-off code (核销). After a coupon, the rest is collected at the till.")
            .Argument<NonNullGraphType<WriteOffInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await ctx.Send(new WriteOffCommand(
                    MerchantReviewFields.MerchantIdOf(input),
                    MerchantReviewFields.Text(input, "code"),
                    input.GetValueOrDefault("amount") as long?,
                    MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(r => r);
            });
    }

    /// <summary>An optional id argument; one that does not decode is sent on as an unknown id (NOT_FOUND).</summary>
    private static Guid? OptionalId(Dictionary<string, object?> input, string name, string typeName) =>
        input.GetValueOrDefault(name) is string value ? (GlobalId.TryDecode(value, typeName, out var id) ? id : Guid.Empty) : null;
}

public sealed class ReverseRedemptionInputType : InputObjectGraphType
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

public sealed class RequestWriteOffCodeInputType : InputObjectGraphType
{
    public RequestWriteOffCodeInputType()
    {
        Name = "RequestWriteOffCodeInput";
        Field<IdGraphType>("couponId").Description("Exactly one of couponId and timesCardId.");
        Field<IdGraphType>("timesCardId");
        Field<IntGraphType>("uses").Description("Times cards: how many uses the cashier may take with this code (default 1).");
    }
}

public sealed class WriteOffInputType : InputObjectGraphType
{
    public WriteOffInputType()
    {
        Name = "WriteOffInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 12 digits the customer's app shows (spaces and dashes are ignored).");
        Field<LongGraphType>("amount").Description("Coupons: the bill before discounts, in minor units (0 for a gift coupon on its own). Times cards take the uses on the code.");
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

public sealed class WriteOffCodeType : ObjectGraphType<WriteOffCodeResult>
{
    public WriteOffCodeType()
    {
        Name = "WriteOffCode";
        Description = "Show this at the till; it works once, for this merchant, until it expires.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<WriteOffTargetType>>("target").Resolve(ctx => ctx.Source.Target);
        Field<NonNullGraphType<IdGraphType>>("instrumentId").Resolve(ctx => GlobalId.Encode(ctx.Source.Target == WriteOffTarget.Coupon ? "Coupon" : "Card", ctx.Source.InstrumentId));
        Field<NonNullGraphType<StringGraphType>>("instrumentName").Resolve(ctx => ctx.Source.InstrumentName);
        Field<NonNullGraphType<IntGraphType>>("uses").Description("Times cards: the uses a write-off takes.").Resolve(ctx => ctx.Source.Uses);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}

public sealed class QuoteType : ObjectGraphType<QuoteResult>
{
    public QuoteType()
    {
        Name = "Quote";
        Description = "amount = membershipDiscount + couponDiscount + fromStoredValue + leftToPay.";
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.Bill));
        Field<IdGraphType>("membershipCardId").Resolve(ctx => ctx.Source.Membership is { } m ? GlobalId.Encode("Card", m.CardId) : null);
        Field<StringGraphType>("membershipCardName").Resolve(ctx => ctx.Source.Membership?.Name);
        Field<NonNullGraphType<MoneyType>>("membershipDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.MembershipDiscount));
        Field<IdGraphType>("couponId").Description("The coupon that takes off most; pass it to redeem with mode COUPON.").Resolve(ctx => ctx.Source.Coupon is { } c ? GlobalId.Encode("Coupon", c.CouponId) : null);
        Field<StringGraphType>("couponName").Resolve(ctx => ctx.Source.Coupon?.Name);
        Field<NonNullGraphType<MoneyType>>("couponDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.CouponDiscount));
        Field<NonNullGraphType<MoneyType>>("payable").Description("After discounts.").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.Payable));
        Field<NonNullGraphType<MoneyType>>("fromStoredValue").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.FromStoredValue));
        Field<NonNullGraphType<MoneyType>>("leftToPay").Description("What stored value does not cover: paid at the till, or recharge first.").Resolve(ctx => Money(ctx.Source, ctx.Source.Breakdown.PaidOutside));
        Field<NonNullGraphType<PaymentModeType>>("suggestedMode").Resolve(ctx => ctx.Source.SuggestedMode);
        Field<NonNullGraphType<RestPaymentType>>("payRestWith").Description("Redeem with this (and the coupon) to be charged exactly this quote.").Resolve(ctx => ctx.Source.Rest);
    }

    private static Money Money(QuoteResult quote, long minorUnits) => new(minorUnits, quote.Currency);
}

public sealed class ReverseRedemptionPayloadType() : PayloadType<ReversalResult, ReversalType>("ReverseRedemptionPayload", "reversal");

public sealed class RequestWriteOffCodePayloadType() : PayloadType<WriteOffCodeResult, WriteOffCodeType>("RequestWriteOffCodePayload", "writeOffCode");

public sealed class WriteOffPayloadType() : PayloadType<Application.Redemptions.RedemptionResult, RedemptionType>("WriteOffPayload", "redemption");
