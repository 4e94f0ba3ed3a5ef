using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>platformInstrumentPerformance</c>: coupons and cards across the platform, a row per kind (Application/Analytics/GetPlatformInstrumentPerformance).</summary>
public sealed class GetPlatformInstrumentPerformance : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformInstrumentPerformanceType>>("platformInstrumentPerformance")
            .Allow(Access.PlatformAnalyst)
            .Description(
                "Platform analysts and admins: coupons, times cards and membership cards of every merchant trading in `currency`, a row per kind, " +
                "with what was issued, redeemed, reversed and expired from one date to another (both included). Each row is the sum of the " +
                "merchants' `merchantInstrumentPerformance` rows of its kind (an event counts on its merchant's local day), but for `expired`, " +
                "counted over the dates in the platform's zone (`timeZone`). At most 366 days.")
            .Argument<NonNullGraphType<DateType>>("from", "The first date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last date (included).")
            .Argument<StringGraphType>("currency", "ISO 4217; CNY unless given. Figures in different currencies are never added up.", a => a.DefaultValue = Currencies.Default)
            .ResolveAsync(async ctx => await ctx.Send(new GetPlatformInstrumentPerformanceQuery(
                ctx.GetArgument("currency", Currencies.Default),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"))));
}

public sealed class PlatformInstrumentPerformanceType : ObjectGraphType<PlatformInstrumentPerformanceReport>
{
    public PlatformInstrumentPerformanceType()
    {
        Name = "PlatformInstrumentPerformance";
        Description = "How coupons and cards did across the platform in one currency over a range of dates (read model: daily rollups, eventually consistent).";
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The zone whose dates bound `expired`: the platform's (Asia/Shanghai).").Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstrumentKindPerformanceType>>>>("kinds")
            .Description("A row per kind, always all three, even without activity: COUPON, TIMES_CARD, MEMBERSHIP_CARD.")
            .Resolve(ctx => ctx.Source.Kinds);
    }
}

public sealed class InstrumentKindPerformanceType : ObjectGraphType<InstrumentPerformanceRow>
{
    public InstrumentKindPerformanceType()
    {
        Name = "InstrumentKindPerformance";
        Description = "Every coupon template, or every times-card or membership-card product, of the platform's merchants in the currency, over the range. Each figure counts on its merchant's local day, but `expired`, which counts on the platform's.";
        Field<NonNullGraphType<PerformanceItemKindType>>("kind").Resolve(ctx => ctx.Source.Item.Kind);
        InstrumentFigureFields.AddTo(this);
    }
}
