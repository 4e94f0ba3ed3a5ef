using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Issuance;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Issuance;

/// <summary>What an issuance produced, as its payload shows it (write-model state; the wallet shows it later).</summary>
public sealed class IssuanceType : ObjectGraphType<IssuedInstrument>
{
    public const string CardTypeName = "Card";
    public const string CouponTypeName = "Coupon";
    public const string RechargeTypeName = "Recharge";

    public IssuanceType()
    {
        Name = "Issuance";
        Description = "A card, a coupon or stored value just issued to a customer.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeNameOf(ctx.Source.Kind), ctx.Source.Id));
        Field<NonNullGraphType<InstrumentKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<MoneyType>>("amountPaid").Description("What the customer paid for it (0 for a free coupon).").Resolve(ctx => new Money(ctx.Source.AmountPaid, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Description("Stored value granted on top (recharges).").Resolve(ctx => new Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<NonNullGraphType<IssueSourceType>>("source").Resolve(ctx => ctx.Source.Source);
        Field<DateTimeOffsetGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<DateTimeOffsetGraphType>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
        Field<IntGraphType>("usesGranted").Description("Times cards: uses on the card.").Resolve(ctx => ctx.Source.UsesGranted);
        Field<IntGraphType>("payRateBasisPoints").Description("Membership cards: the share of the bill the member pays.").Resolve(ctx => ctx.Source.PayRateBasisPoints);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(ctx => ctx.Source.IssuedAt);
    }

    public static string TypeNameOf(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Card => CardTypeName,
        InstrumentKind.Coupon => CouponTypeName,
        _ => RechargeTypeName,
    };
}
