using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Analytics.GetPlatformSales;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>platformSales</c>: every merchant's sales in one currency together (Application/Analytics/GetPlatformSales).</summary>
public sealed class GetPlatformSales : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformSalesType>>("platformSales")
            .Allow(Access.PlatformAnalyst)
            .Description(
                "Platform analysts and admins: the sales of every merchant trading in `currency`, added up, from one date to another " +
                "(both included), a row per day, week or month. A sale counts on its merchant's local day, so these figures are the " +
                "sum of the merchants' own reports. At most 366 days by DAY, 731 by WEEK, 1,827 by MONTH.")
            .Argument<NonNullGraphType<DateType>>("from", "The first date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last date (included).")
            .Argument<SalesGranularityType>("granularity", "DAY unless given.", a => a.DefaultValue = SalesGranularity.Day)
            .Argument<StringGraphType>("currency", "ISO 4217; CNY unless given. Figures in different currencies are never added up.", a => a.DefaultValue = Currencies.Default)
            .ResolveAsync(async ctx => await ctx.Send(new GetPlatformSalesQuery(
                ctx.GetArgument("currency", Currencies.Default),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"),
                ctx.GetArgument("granularity", SalesGranularity.Day))));
}

public sealed class PlatformSalesType : ObjectGraphType<PlatformSalesReport>
{
    public PlatformSalesType()
    {
        Name = "PlatformSales";
        Description = "The platform's sales in one currency over a range of dates (read model: daily rollups, eventually consistent).";
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
