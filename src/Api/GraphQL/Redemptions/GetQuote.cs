using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.Transport;
using CodeScan.Application.Redemptions.GetQuote;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Redemptions;

/// <summary><c>quote</c>: a price preview for a bill at a merchant (Application/Redemptions/GetQuote).</summary>
public sealed class GetQuote : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<QuoteType>>("quote")
            .WithComplexityImpact(RequestCost.PriceQuote)
            .Allow(Access.SignedIn)
            .Description("A price preview for a bill at a merchant: the best membership discount, coupon and stored value, and what is left to pay. Nothing is reserved.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<NonNullGraphType<LongGraphType>>("amount", "The bill before discounts, in minor units.")
            .ResolveAsync(async ctx =>
            {
                var outcome = await ctx.Send(new GetQuoteQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")), ctx.GetArgument<long>("amount")));
                return outcome.ValueOrError();
            });
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

