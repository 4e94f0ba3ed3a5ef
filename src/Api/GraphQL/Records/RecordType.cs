using System.Globalization;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Records;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Builders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Records;

public sealed class RecordKindType : EnumerationGraphType<RecordKind>
{
    public RecordKindType() => Name = "RecordKind";
}

public sealed class RecordItemKindType : EnumerationGraphType<RecordItemKind>
{
    public RecordItemKindType() => Name = "RecordItemKind";
}

/// <summary>One line of history; money changes are signed from the customer's stored value's point of view.</summary>
public sealed class RecordType : ObjectGraphType<RecordEntry>
{
    public RecordType()
    {
        Name = "Record";
        Description = "A payment, reversal, recharge or issuance, with its breakdown and the stored value it left (read model).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event-log position: unique, in commit order.").Resolve(ctx => ctx.Source.Position.ToString(CultureInfo.InvariantCulture));
        Field<NonNullGraphType<RecordKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("merchantName").Resolve(ctx => ctx.Source.MerchantName);
        Field<NonNullGraphType<StringGraphType>>("customerPhoneMasked").Resolve(ctx => ctx.Source.CustomerPhoneMasked);
        Field<PaymentModeType>("mode").Description("Payments and reversals: how the customer paid.").Resolve(ctx => ctx.Source.Mode);
        Field<RedemptionChannelType>("channel").Description("Payments: who confirmed it.").Resolve(ctx => ctx.Source.Channel);
        MoneyField("amount")
            .Description("Payments: the bill before discounts; recharges and issuances: what the customer paid; reversals: the stored value given back.")
            .Resolve(ctx => Money(ctx.Source, ctx.Source.Amount));
        MoneyField("membershipDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.MembershipDiscount));
        MoneyField("couponDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.CouponDiscount));
        MoneyField("paidOutside").Description("Payments: paid at the till outside the platform (cash, bank card); reversals: what the till hands back.").Resolve(ctx => Money(ctx.Source, ctx.Source.PaidOutside));
        MoneyField("principalChange").Description("Negative when a payment took it, positive when a recharge or reversal gave it.").Resolve(ctx => Money(ctx.Source, ctx.Source.PrincipalChange));
        MoneyField("bonusChange").Resolve(ctx => Money(ctx.Source, ctx.Source.BonusChange));
        MoneyField("storedValueChange").Description("Principal change plus bonus change.").Resolve(ctx => Money(ctx.Source, ctx.Source.StoredValueChange));
        MoneyField("principalAfter").Resolve(ctx => Money(ctx.Source, ctx.Source.PrincipalAfter));
        MoneyField("bonusAfter").Resolve(ctx => Money(ctx.Source, ctx.Source.BonusAfter));
        MoneyField("storedValueAfter").Description("The customer's stored value at the merchant after this.").Resolve(ctx => Money(ctx.Source, ctx.Source.StoredValueAfter));
        Field<IntGraphType>("usesChange").Description("Times cards: uses taken (negative), given back or granted (positive).").Resolve(ctx => ctx.Source.UsesChange);
        Field<IntGraphType>("usesLeft").Description("Times cards: uses left on the card after this.").Resolve(ctx => ctx.Source.UsesLeft);
        Field<RecordItemKindType>("itemKind").Description("The card or coupon used, given back or issued.").Resolve(ctx => ctx.Source.ItemKind);
        Field<IdGraphType>("itemId").Resolve(ctx => ctx.Source.ItemId is { } id ? GlobalId.Encode(ctx.Source.ItemKind == RecordItemKind.Coupon ? "Coupon" : "Card", id) : null);
        Field<StringGraphType>("itemName").Resolve(ctx => ctx.Source.ItemName);
        Field<NonNullGraphType<BooleanGraphType>>("couponRestored").Description("Reversals: the coupon became usable again.").Resolve(ctx => ctx.Source.CouponRestored);
        Field<StringGraphType>("reason").Description("Reversals: why.").Resolve(ctx => ctx.Source.Reason);
        Field<IdGraphType>("redemptionId").Description("Payments and reversals: the payment.").Resolve(ctx => ctx.Source.RedemptionId is { } id ? GlobalId.Encode(RedemptionType.TypeName, id) : null);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Resolve(ctx => ctx.Source.OccurredAt);
    }

    private static Money Money(RecordEntry entry, long minorUnits) => new(minorUnits, entry.Currency);

    private FieldBuilder<RecordEntry, Money> MoneyField(string name) =>
        Field<NonNullGraphType<MoneyType>, Money>(name);
}
