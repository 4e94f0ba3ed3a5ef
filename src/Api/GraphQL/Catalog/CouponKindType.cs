using CodeScan.Domain.Catalog;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CouponKindType : EnumerationGraphType<CouponKind>
{
    public CouponKindType() => Name = "CouponKind";
}
