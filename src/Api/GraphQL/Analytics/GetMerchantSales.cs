using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantSales;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>merchantSales</c>: a merchant's sales by day, week or month in its time zone (Application/Analytics/GetMerchantSales).</summary>
public sealed class GetMerchantSales : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantSalesType>>("merchantSales")
            .Allow(Access.MerchantAnalyst)
            .Description(
                "The merchant's owner and analysts: sales from one local date to another (both included) in the merchant's time zone, " +
                "a row per day, week or month. At most 366 days by DAY, 731 by WEEK, 1,827 by MONTH.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<NonNullGraphType<DateType>>("from", "The first local date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last local date (included).")
            .Argument<SalesGranularityType>("granularity", "DAY unless given.", a => a.DefaultValue = SalesGranularity.Day)
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantSalesQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"),
                ctx.GetArgument("granularity", SalesGranularity.Day))));
}

public sealed class MerchantSalesType : ObjectGraphType<MerchantSalesReport>
{
    public MerchantSalesType()
    {
        Name = "MerchantSales";
        Description = "A merchant's sales over a range of its local dates (read model: daily rollups, eventually consistent).";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The zone the dates are in: the merchant's.").Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<SalesGranularityType>>("granularity").Resolve(ctx => ctx.Source.Granularity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SalesPeriodType>>>>("periods")
            .Description("A row per period, oldest first, every period of the range even without sales; the first and last are clipped to the range.")
            .Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<SalesPeriodType>>("total").Description("The whole range.").Resolve(ctx => ctx.Source.Total);
    }
}
