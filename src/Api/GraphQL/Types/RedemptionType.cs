using CodeScan.Application.Redemptions.Redeem;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RedemptionType : ObjectGraphType<RedemptionResult>
{
    public RedemptionType()
    {
        Name = "Redemption";
        Description = "A payment at the till, with its breakdown.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Redemption", ctx.Source.RedemptionId));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<PaymentModeType>>("mode").Resolve(ctx => ctx.Source.Mode);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money(ctx.Source.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("fromPrincipal").Resolve(ctx => new Money(ctx.Source.FromPrincipal, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("fromBonus").Resolve(ctx => new Money(ctx.Source.FromBonus, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("storedValueAfter").Resolve(ctx => new Money(ctx.Source.PrincipalAfter + ctx.Source.BonusAfter, ctx.Source.Currency));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}
