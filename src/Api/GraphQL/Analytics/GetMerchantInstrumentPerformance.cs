using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>merchantInstrumentPerformance</c>: how each coupon template and card product did over a range of the merchant's days (Application/Analytics/GetMerchantInstrumentPerformance).</summary>
public sealed class GetMerchantInstrumentPerformance : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantInstrumentPerformanceType>>("merchantInstrumentPerformance")
            .Allow(Access.MerchantAnalyst)
            .Description(
                "The merchant's owner and analysts: a row per coupon template and card product with what was issued, redeemed, reversed and expired " +
                "from one local date to another (both included) in the merchant's time zone. At most 366 days.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<NonNullGraphType<DateType>>("from", "The first local date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last local date (included).")
            .Argument<InstrumentPerformanceOrderType>("orderBy", "REDEEMED unless given; the largest first, ties by name.", a => a.DefaultValue = InstrumentPerformanceOrder.Redeemed)
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantInstrumentPerformanceQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"),
                ctx.GetArgument("orderBy", InstrumentPerformanceOrder.Redeemed))));
}

public sealed class MerchantInstrumentPerformanceType : ObjectGraphType<InstrumentPerformanceReport>
{
    public MerchantInstrumentPerformanceType()
    {
        Name = "MerchantInstrumentPerformance";
        Description = "How a merchant's coupons and cards did over a range of its local dates (read model: daily rollups, eventually consistent).";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The zone the dates are in: the merchant's.").Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstrumentPerformanceType>>>>("items")
            .Description("Every coupon template and card product the merchant has defined, even without activity, in the order asked for.")
            .Resolve(ctx => ctx.Source.Items);
    }
}
