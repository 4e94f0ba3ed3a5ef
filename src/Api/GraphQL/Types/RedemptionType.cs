using CodeScan.Application.Redemptions;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RedemptionType : ObjectGraphType<RedemptionResult>
{
    public const string TypeName = "Redemption";

    public RedemptionType()
    {
        Name = TypeName;
        Description = "A payment at the till, with its breakdown: amount = membershipDiscount + couponDiscount + fromPrincipal + fromBonus + paidOutside.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.RedemptionId));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<PaymentModeType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<RedemptionChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<MoneyType>>("amount").Description("The bill before discounts (zero for a times card, which is paid in uses).").Resolve(ctx => Money(ctx.Source, ctx.Source.Amount));
        Field<NonNullGraphType<MoneyType>>("membershipDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.MembershipDiscount));
        Field<IdGraphType>("couponId").Resolve(ctx => ctx.Source.CouponId is { } id ? GlobalId.Encode("Coupon", id) : null);
        Field<NonNullGraphType<MoneyType>>("couponDiscount").Resolve(ctx => Money(ctx.Source, ctx.Source.CouponDiscount));
        Field<IdGraphType>("timesCardId").Resolve(ctx => ctx.Source.TimesCardId is { } id ? GlobalId.Encode("Card", id) : null);
        Field<NonNullGraphType<IntGraphType>>("uses").Description("Times-card uses taken.").Resolve(ctx => ctx.Source.Uses);
        Field<IntGraphType>("usesLeft").Description("Uses left on the times card after this payment.").Resolve(ctx => ctx.Source.UsesLeft);
        Field<StringGraphType>("instrumentName").Description("The coupon or times card used.").Resolve(ctx => ctx.Source.InstrumentName);
        Field<NonNullGraphType<MoneyType>>("fromStoredValue").Resolve(ctx => Money(ctx.Source, ctx.Source.FromStoredValue));
        Field<NonNullGraphType<MoneyType>>("fromPrincipal").Resolve(ctx => Money(ctx.Source, ctx.Source.FromPrincipal));
        Field<NonNullGraphType<MoneyType>>("fromBonus").Resolve(ctx => Money(ctx.Source, ctx.Source.FromBonus));
        Field<NonNullGraphType<MoneyType>>("paidOutside").Description("Collected at the till outside the platform.").Resolve(ctx => Money(ctx.Source, ctx.Source.PaidOutside));
        Field<NonNullGraphType<MoneyType>>("storedValueAfter").Resolve(ctx => Money(ctx.Source, ctx.Source.PrincipalAfter + ctx.Source.BonusAfter));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }

    private static Money Money(RedemptionResult r, long minorUnits) => new(minorUnits, r.Currency);
}
