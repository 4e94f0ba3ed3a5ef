using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType() => Name = "OrderStatus";
}
