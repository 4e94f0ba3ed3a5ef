using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Analytics.GetPlatformCustomers;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>platformCustomers</c>: the customers of every merchant in one currency together (Application/Analytics/GetPlatformCustomers).</summary>
public sealed class GetPlatformCustomers : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformCustomersType>>("platformCustomers")
            .Allow(Access.PlatformAnalyst)
            .Description(
                "Platform analysts and admins: customers who paid at any merchant trading in `currency`, from one date to another (both included), " +
                "a row per day, week or month. A payment counts on its merchant's local day; a customer who paid at several merchants counts once. " +
                "Counts only: no customer is named and no phone number is given. At most 366 days by DAY, 731 by WEEK, 1,827 by MONTH.")
            .Argument<NonNullGraphType<DateType>>("from", "The first date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last date (included).")
            .Argument<SalesGranularityType>("granularity", "DAY unless given.", a => a.DefaultValue = SalesGranularity.Day)
            .Argument<StringGraphType>("currency", "ISO 4217; CNY unless given. Figures in different currencies are never added up.", a => a.DefaultValue = Currencies.Default)
            .ResolveAsync(async ctx => await ctx.Send(new GetPlatformCustomersQuery(
                ctx.GetArgument("currency", Currencies.Default),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"),
                ctx.GetArgument("granularity", SalesGranularity.Day))));
}

public sealed class PlatformCustomersType : ObjectGraphType<PlatformCustomersReport>
{
    public PlatformCustomersType()
    {
        Name = "PlatformCustomers";
        Description = "The platform's customers in one currency over a range of dates (read model: daily rollups and activity sets, exact, eventually consistent). `new` is a customer's first payment at any merchant in the currency; `returning` had paid at one of them before.";
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<SalesGranularityType>>("granularity").Resolve(ctx => ctx.Source.Granularity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CustomerPeriodType>>>>("periods")
            .Description("A row per period, oldest first, every period of the range even without customers; the first and last are clipped to the range.")
            .Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<CustomerPeriodType>>("total").Description("The whole range, its customers counted once however many periods and merchants they came in.").Resolve(ctx => ctx.Source.Total);
    }
}
