using CodeScan.Domain.Catalog;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CatalogItemStatusType : EnumerationGraphType<CatalogItemStatus>
{
    public CatalogItemStatusType() => Name = "CatalogItemStatus";
}
