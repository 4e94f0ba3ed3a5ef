using System.Globalization;
using CodeScan.Application.Alerts;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantAlertType : ObjectGraphType<MerchantAlertView>
{
    public MerchantAlertType()
    {
        Name = "MerchantAlert";
        Description = "A payment or recharge announced at the merchant's till.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque. Also the alert's cursor: pass it as `after` (query or subscription) to get what followed, or as `before` with `last` to page back.").Resolve(ctx => MerchantAlertConnectionType.Cursor(ctx.Source));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<AlertKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<PaymentModeType>("mode").Description("Redemptions: how the customer paid. Reversals: how the payment given back was paid.").Resolve(ctx => ctx.Source.Kind switch
        {
            AlertKind.StoredValueRedeemed => RedemptionMode.StoredValue,
            AlertKind.TimesCardRedeemed => RedemptionMode.TimesCard,
            AlertKind.CouponRedeemed => RedemptionMode.Coupon,
            _ => ctx.Source.ReversedMode,
        });
        Field<IdGraphType>("redemptionId").Description("Redemptions and reversals: the payment, for reverseRedemption.").Resolve(ctx => ctx.Source.RedemptionId is { } id ? GlobalId.Encode(RedemptionType.TypeName, id) : null);
        Field<NonNullGraphType<MoneyType>>("bill").Description("Redemptions: the bill before discounts.").Resolve(ctx => new Money(ctx.Source.Bill, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("discount").Description("Redemptions: membership and coupon discounts.").Resolve(ctx => new Money(ctx.Source.Discount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("paidOutside").Description("Redemptions: still to collect at the till.").Resolve(ctx => new Money(ctx.Source.PaidOutside, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("uses").Description("Times-card uses taken, or given back by a reversal.").Resolve(ctx => ctx.Source.Uses);
        Field<IntGraphType>("usesLeft").Resolve(ctx => ctx.Source.UsesLeft);
        Field<NonNullGraphType<BooleanGraphType>>("couponRestored").Resolve(ctx => ctx.Source.CouponRestored);
        Field<NonNullGraphType<MoneyType>>("amount").Description("Money moved on the platform: stored value drawn or given back, or paid for a recharge, card or coupon.").Resolve(ctx => new Money(ctx.Source.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Resolve(ctx => new Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<StringGraphType>("itemName").Description("Card and coupon alerts: what was issued.").Resolve(ctx => ctx.Source.ItemName);
        Field<NonNullGraphType<StringGraphType>>("customerPhoneMasked").Resolve(ctx => ctx.Source.CustomerPhoneMasked);
        Field<NonNullGraphType<MoneyType>>("balanceAfter").Description("The customer's stored value after this.").Resolve(ctx => new Money(ctx.Source.BalanceAfter, ctx.Source.Currency));
        Field<NonNullGraphType<LocaleType>>("locale").Description("The merchant's locale.").Resolve(ctx => ctx.Source.Locale);
        Field<NonNullGraphType<StringGraphType>>("spokenText")
            .Description("What the till says, in the given locale or else the merchant's.")
            .Argument<LocaleType>("locale")
            .Resolve(ctx => AlertSpeech.Compose(ctx.Source, ctx.GetArgument<string?>("locale")));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Resolve(ctx => ctx.Source.OccurredAt);
    }
}
