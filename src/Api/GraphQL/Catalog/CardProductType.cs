using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CardProductType : ObjectGraphType<CardProductDto>
{
    public const string TypeName = "CardProduct";

    public CardProductType()
    {
        Name = TypeName;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<CardKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<MoneyType>>("price").Resolve(ctx => new Money(ctx.Source.Price, ctx.Source.Currency));
        Field<IntGraphType>("uses").Description("Times cards: uses per card.").Resolve(ctx => ctx.Source.Uses);
        Field<IntGraphType>("payRateBasisPoints").Description("Membership cards: the share of the bill a member pays (8800 = 12% off).").Resolve(ctx => ctx.Source.PayRateBasisPoints);
        Field<NonNullGraphType<ValidityType>>("validity").Resolve(ctx => ctx.Source.Validity);
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
