using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantSales;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>merchantCustomers</c>: a merchant's active, new and returning customers by day, week or month (Application/Analytics/GetMerchantCustomers).</summary>
public sealed class GetMerchantCustomers : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantCustomersType>>("merchantCustomers")
            .Allow(Access.MerchantAnalyst)
            .Description(
                "The merchant's owner and analysts: customers who paid, from one local date to another (both included) in the merchant's time zone, " +
                "a row per day, week or month. Counts only: no customer is named and no phone number is given. At most 366 days by DAY, 731 by WEEK, 1,827 by MONTH.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<NonNullGraphType<DateType>>("from", "The first local date.")
            .Argument<NonNullGraphType<DateType>>("to", "The last local date (included).")
            .Argument<SalesGranularityType>("granularity", "DAY unless given.", a => a.DefaultValue = SalesGranularity.Day)
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantCustomersQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<DateOnly>("from"),
                ctx.GetArgument<DateOnly>("to"),
                ctx.GetArgument("granularity", SalesGranularity.Day))));
}

public sealed class MerchantCustomersType : ObjectGraphType<MerchantCustomersReport>
{
    public MerchantCustomersType()
    {
        Name = "MerchantCustomers";
        Description = "A merchant's customers over a range of its local dates (read model: daily rollups and activity sets, exact, eventually consistent).";
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The zone the dates are in: the merchant's.").Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<SalesGranularityType>>("granularity").Resolve(ctx => ctx.Source.Granularity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CustomerPeriodType>>>>("periods")
            .Description("A row per period, oldest first, every period of the range even without customers; the first and last are clipped to the range.")
            .Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<CustomerPeriodType>>("total").Description("The whole range, its customers counted once however many periods they came in.").Resolve(ctx => ctx.Source.Total);
    }
}

public sealed class CustomerPeriodType : ObjectGraphType<CustomerPeriod>
{
    public CustomerPeriodType()
    {
        Name = "CustomerPeriod";
        Description = "The customers of the local days (the merchant's; for the platform, each merchant's own) from `from` to `to`, both included. A customer is active on a day when they made a payment at the till (any mode or channel) that day; a later reversal does not undo it. Recharges and purchases of cards and coupons are not payments.";
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<IntGraphType>>("active").Description("Distinct customers who paid in the period (exact).").Resolve(ctx => (int)ctx.Source.Active);
        Field<NonNullGraphType<IntGraphType>>("new").Description("Active customers whose first payment ever at this merchant (for the platform: at any merchant in the currency) was in the period.").Resolve(ctx => (int)ctx.Source.New);
        Field<NonNullGraphType<IntGraphType>>("returning").Description("Active customers who had paid at this merchant (for the platform: at any merchant in the currency) before the period began: active − new.").Resolve(ctx => (int)ctx.Source.Returning);
        Field<NonNullGraphType<IntGraphType>>("repeat").Description("Active customers who paid at least twice in the period (two payments, the same day or not).").Resolve(ctx => (int)ctx.Source.Repeat);
        Field<FloatGraphType>("repeatRate").Description("repeat ÷ active, between 0 and 1, four decimals; null without active customers.").Resolve(ctx => ctx.Source.RepeatRate);
        Field<NonNullGraphType<IntGraphType>>("payments").Description("Payments at the till in the period, reversed ones included.").Resolve(ctx => (int)ctx.Source.Payments);
        Field<NonNullGraphType<MoneyType>>("bill").Description("Their bills before discounts.").Resolve(ctx => new Domain.Common.Money(ctx.Source.Bill, ctx.Source.Currency));
        Field<MoneyType>("averageTicket")
            .Description("bill ÷ payments, rounded half up to the minor unit; null without payments.")
            .Resolve(ctx => ctx.Source.AverageTicket is { } average ? new Domain.Common.Money(average, ctx.Source.Currency) : null);
    }
}
