using CodeScan.Domain.Catalog;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CardKindType : EnumerationGraphType<CardKind>
{
    public CardKindType() => Name = "CardKind";
}
