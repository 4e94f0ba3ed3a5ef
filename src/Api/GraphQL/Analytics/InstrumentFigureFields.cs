using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary>The figures of a performance row, shared by a merchant's template or product and the platform's kind of instrument.</summary>
internal static class InstrumentFigureFields
{
    public static void AddTo(ObjectGraphType<InstrumentPerformanceRow> type)
    {
        type.Field<NonNullGraphType<InstrumentIssuedType>>("issued").Description("Instruments issued in the range, by how they reached the customer.").Resolve(ctx => ctx.Source);
        type.Field<NonNullGraphType<IntGraphType>>("redeemed")
            .Description("Payments at the till that used one of them: the coupon, uses of the times card, or the membership card's discount. A payment that took a membership discount and a coupon counts in both rows. Reversed payments still count here; see `reversed`.")
            .Resolve(ctx => (int)ctx.Source.Redeemed);
        type.Field<NonNullGraphType<MoneyType>>("bill").Description("The bills (before discounts) of those payments.").Resolve(ctx => Money(ctx.Source, ctx.Source.Bill));
        type.Field<NonNullGraphType<MoneyType>>("discount").Description("What they took off those bills: the coupon discount, or the membership discount (zero for times cards).").Resolve(ctx => Money(ctx.Source, ctx.Source.Discount));
        type.Field<NonNullGraphType<IntGraphType>>("timesCardUses").Description("Times cards: uses those payments took.").Resolve(ctx => (int)ctx.Source.TimesCardUses);
        type.Field<NonNullGraphType<IntGraphType>>("reversed")
            .Description("Reversals (whole or partial) of payments that used a coupon or times card of this row, counted on the day of the reversal. Membership cards: always 0, a reversal does not name the card.")
            .Resolve(ctx => (int)ctx.Source.Reversed);
        type.Field<NonNullGraphType<MoneyType>>("refunded").Description("What those reversals gave back: principal, bonus and money paid outside.").Resolve(ctx => Money(ctx.Source, ctx.Source.Refunded));
        type.Field<NonNullGraphType<IntGraphType>>("timesCardUsesGivenBack").Resolve(ctx => (int)ctx.Source.TimesCardUsesGivenBack);
        type.Field<NonNullGraphType<IntGraphType>>("expired")
            .Description("Instruments whose expiry passed with value left — a coupon unused, a times card with uses left, any membership card — counted on the local day it passed, only once it has passed (no event needed). A coupon or uses given back by a reversal count as value left again.")
            .Resolve(ctx => (int)ctx.Source.Expired);
        type.Field<FloatGraphType>("redemptionRate")
            .Description("Of the instruments issued in the range, the share used since (by now, even after the range): a coupon used, a times card with at least one use taken. One given back whole by a reversal counts as unused again. Between 0 and 1, four decimals; null when none was issued in the range, and for membership cards.")
            .Resolve(ctx => ctx.Source.RedemptionRate);
        type.Field<FloatGraphType>("medianMinutesToRedeem")
            .Description("Median minutes from issue to first use (the use taking an unused coupon, or a times card's first use), over first uses made in the range. From a histogram whose buckets grow by 10 %: within 5 % of the exact median above one minute, 0.5 below. A coupon used again after a reversal counts again. Null without such uses, and for membership cards.")
            .Resolve(ctx => ctx.Source.MedianMinutesToRedeem);
    }

    private static Money Money(InstrumentPerformanceRow row, long minorUnits) => new(minorUnits, row.Currency);
}
