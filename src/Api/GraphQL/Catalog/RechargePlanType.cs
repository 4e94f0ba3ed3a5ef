using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class RechargePlanType : ObjectGraphType<RechargePlanDto>
{
    public const string TypeName = "RechargePlan";

    public RechargePlanType()
    {
        Name = TypeName;
        Description = "Every full `payEvery` of a recharge earns `bonusEach` of bonus, for recharges from `minAmount` to `maxAmount`.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<MoneyType>>("payEvery").Resolve(ctx => new Money(ctx.Source.PayEvery, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonusEach").Resolve(ctx => new Money(ctx.Source.BonusEach, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("minAmount").Resolve(ctx => new Money(ctx.Source.MinAmount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("maxAmount").Resolve(ctx => new Money(ctx.Source.MaxAmount, ctx.Source.Currency));
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
