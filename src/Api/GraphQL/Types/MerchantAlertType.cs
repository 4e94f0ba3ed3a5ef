using System.Globalization;
using CodeScan.Application.Alerts;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantAlertType : ObjectGraphType<MerchantAlertView>
{
    public MerchantAlertType()
    {
        Name = "MerchantAlert";
        Description = "A payment or recharge announced at the merchant's till.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Also the replay cursor: pass it as `after` to get what followed.").Resolve(ctx => ctx.Source.Position.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<AlertKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<PaymentModeType>("mode").Resolve(ctx => ctx.Source.Kind == AlertKind.StoredValueRedeemed ? "StoredValue" : null);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money(ctx.Source.Amount, ctx.Source.Currency));
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
