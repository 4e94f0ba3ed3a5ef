using CodeScan.Api.GraphQL.Types;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary>Coupon terms with the currency their amounts are in.</summary>
public sealed record CouponTermsView(CouponTerms Terms, string Currency);

public sealed class CouponTermsType : ObjectGraphType<CouponTermsView>
{
    public CouponTermsType()
    {
        Name = "CouponTerms";
        Field<NonNullGraphType<CouponKindType>>("kind").Resolve(ctx => ctx.Source.Terms.Kind);
        Field<MoneyType>("amountOff").Description("CASH_OFF and THRESHOLD.").Resolve(ctx => ctx.Source.Terms.AmountOff > 0 ? new Money(ctx.Source.Terms.AmountOff, ctx.Source.Currency) : null);
        Field<IntGraphType>("percentOff").Description("PERCENT_OFF.").Resolve(ctx => ctx.Source.Terms.PercentOff > 0 ? ctx.Source.Terms.PercentOff : null);
        Field<MoneyType>("cap").Description("PERCENT_OFF: the most it takes off.").Resolve(ctx => ctx.Source.Terms.Cap > 0 ? new Money(ctx.Source.Terms.Cap, ctx.Source.Currency) : null);
        Field<MoneyType>("threshold").Description("THRESHOLD: the least the bill must be.").Resolve(ctx => ctx.Source.Terms.Threshold > 0 ? new Money(ctx.Source.Terms.Threshold, ctx.Source.Currency) : null);
        Field<StringGraphType>("giftName").Description("GIFT.").Resolve(ctx => ctx.Source.Terms.GiftName);
    }
}
