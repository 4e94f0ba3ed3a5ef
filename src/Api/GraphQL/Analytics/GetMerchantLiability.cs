using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantLiability;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>merchantLiability</c>: what a merchant owes its customers at the close of a local day, aged, and its breakage (Application/Analytics/GetMerchantLiability).</summary>
public sealed class GetMerchantLiability : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantLiabilityType>>("merchantLiability")
            .Allow(Access.MerchantAnalyst)
            .Description(
                "The merchant's owner and analysts: the value customers still hold at the close of a local day — stored value, " +
                "times-card uses, coupons and membership cards — with its aging, and what expired unused (breakage).")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<DateType>("asOf", "A local date of the merchant's, not later than its today; today unless given.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantLiabilityQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<DateOnly?>("asOf"))));
}

public sealed class MerchantLiabilityType : ObjectGraphType<MerchantLiabilityReport>
{
    public MerchantLiabilityType()
    {
        Name = "MerchantLiability";
        Description = "What a merchant owes its customers at the close of a local day (read model: daily rollups, eventually consistent).";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The zone the dates are in: the merchant's.").Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("asOf").Description("The local date whose close the figures are at.").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<LiabilityFiguresType>>("outstanding").Description("Everything still owed, all ages.").Resolve(ctx => ctx.Source.Outstanding);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LiabilityAgingBucketType>>>>("aging")
            .Description("What is still owed by age, youngest first: 0–30, 31–90, 91–180, 181–365 and over 365 days since stored value was loaded (a payment takes the oldest first) or a card or coupon was issued.")
            .Resolve(ctx => ctx.Source.Aging);
        Field<NonNullGraphType<LiabilityFiguresType>>("breakage")
            .Description("Cards and coupons that expired unused, up to the close of `asOf` (stored value does not expire: always zero there).")
            .Resolve(ctx => ctx.Source.Breakage);
    }
}
