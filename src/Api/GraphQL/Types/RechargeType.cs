using CodeScan.Application.Wallets.RechargeAtCounter;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RechargeType : ObjectGraphType<RechargeResult>
{
    public RechargeType()
    {
        Name = "Recharge";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Recharge", ctx.Source.RechargeId));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<StringGraphType>>("customerPhoneMasked").Resolve(ctx => ctx.Source.CustomerPhoneMasked);
        Field<NonNullGraphType<MoneyType>>("amount").Resolve(ctx => new Money(ctx.Source.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonus").Resolve(ctx => new Money(ctx.Source.Bonus, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("storedValueAfter").Resolve(ctx => new Money(ctx.Source.PrincipalAfter + ctx.Source.BonusAfter, ctx.Source.Currency));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}
