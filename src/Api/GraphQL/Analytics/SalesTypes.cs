using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary>A calendar date without a time or zone, ISO 8601 ("2026-12-03").</summary>
public sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar date, ISO 8601 (\"2026-12-03\"), in the time zone the field says.";
    }
}

public sealed class SalesGranularityType : EnumerationGraphType<SalesGranularity>
{
    public SalesGranularityType()
    {
        Name = "SalesGranularity";
        Description = "DAY: a row per local day; WEEK: per ISO week (Monday to Sunday); MONTH: per calendar month.";
    }
}

public sealed class SalesPeriodType : ObjectGraphType<SalesPeriod>
{
    public SalesPeriodType()
    {
        Name = "SalesPeriod";
        Description = "The sales of the local days from `from` to `to`, both included (each sale on its merchant's local day).";
        Field<NonNullGraphType<DateType>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateType>>("to").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<SalesPaymentsType>>("payments").Description("Every payment at the till, all modes and channels.").Resolve(ctx => ctx.Source.Payments());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SalesPaymentLineType>>>>("paymentsByMode")
            .Description("A line per mode and channel, every one even when empty.").Resolve(ctx => ctx.Source.PaymentLines);
        Field<NonNullGraphType<SalesReversalsType>>("reversals").Description("Every reversal, all modes.").Resolve(ctx => ctx.Source.Reversals());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SalesReversalLineType>>>>("reversalsByMode")
            .Description("A line per mode of the payment reversed (a reversal has no channel).").Resolve(ctx => ctx.Source.ReversalLines);
        Field<NonNullGraphType<SalesRechargesType>>("recharges").Resolve(ctx => ctx.Source.Recharges);
        Field<NonNullGraphType<SalesIssuanceType>>("cardSales").Description("Times and membership cards issued (sold or at the counter).").Resolve(ctx => ctx.Source.Cards);
        Field<NonNullGraphType<SalesIssuanceType>>("couponSales").Description("Coupons issued (sold, claimed or at the counter).").Resolve(ctx => ctx.Source.Coupons);
        Field<NonNullGraphType<MoneyType>>("net")
            .Description("What customers paid for goods and services (from principal, bonus and outside) less what reversals gave back. Recharges and card and coupon sales are money taken in advance and are not in it.")
            .Resolve(ctx => new Money(ctx.Source.Net, ctx.Source.Currency));
    }
}

public sealed class SalesPaymentsType : ObjectGraphType<PaymentTotals>
{
    public SalesPaymentsType()
    {
        Name = "SalesPayments";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<MoneyType>>("bill").Description("The bills before discounts.").Resolve(ctx => Money(ctx.Source.Bill, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("membershipDiscount").Resolve(ctx => Money(ctx.Source.MembershipDiscount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("couponDiscount").Resolve(ctx => Money(ctx.Source.CouponDiscount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("fromPrincipal").Resolve(ctx => Money(ctx.Source.FromPrincipal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("fromBonus").Resolve(ctx => Money(ctx.Source.FromBonus, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("paidOutside").Description("Collected at the till outside the platform.").Resolve(ctx => Money(ctx.Source.PaidOutside, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("timesCardUses").Resolve(ctx => ctx.Source.Uses);
    }

    internal static Money Money(long minorUnits, string currency) => new(minorUnits, currency);
}

public sealed class SalesPaymentLineType : ObjectGraphType<PaymentLine>
{
    public SalesPaymentLineType()
    {
        Name = "SalesPaymentLine";
        Field<NonNullGraphType<PaymentModeType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<RedemptionChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<SalesPaymentsType>>("totals").Resolve(ctx => ctx.Source.Totals);
    }
}

public sealed class SalesReversalsType : ObjectGraphType<ReversalTotals>
{
    public SalesReversalsType()
    {
        Name = "SalesReversals";
        Description = "What reversals gave back: stored value to the customer, and what the till handed back of what was paid outside.";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<MoneyType>>("principal").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Principal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("outside").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Outside, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("timesCardUses").Resolve(ctx => ctx.Source.Uses);
    }
}

public sealed class SalesReversalLineType : ObjectGraphType<ReversalLine>
{
    public SalesReversalLineType()
    {
        Name = "SalesReversalLine";
        Field<NonNullGraphType<PaymentModeType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<SalesReversalsType>>("totals").Resolve(ctx => ctx.Source.Totals);
    }
}

public sealed class SalesRechargesType : ObjectGraphType<RechargeTotals>
{
    public SalesRechargesType()
    {
        Name = "SalesRecharges";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<MoneyType>>("principal").Description("Paid in.").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Principal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Description("Given with it.").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Bonus, ctx.Source.Currency));
    }
}

public sealed class SalesIssuanceType : ObjectGraphType<IssuanceTotals>
{
    public SalesIssuanceType()
    {
        Name = "SalesIssuance";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
        Field<NonNullGraphType<MoneyType>>("amount").Description("What customers paid for them.").Resolve(ctx => SalesPaymentsType.Money(ctx.Source.Amount, ctx.Source.Currency));
    }
}
