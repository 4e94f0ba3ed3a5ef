using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

public sealed class OrderItemKindType : EnumerationGraphType<OrderItemKind>
{
    public OrderItemKindType() => Name = "OrderItemKind";
}
