using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Orders;
using CodeScan.Application.Orders.GetMyOrders;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

/// <summary><c>orders</c>: the signed-in customer's orders, newest first (Application/Orders/GetMyOrders).</summary>
public sealed class GetMyOrders : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<OrderConnectionType>>("orders")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's orders, newest first.")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 20)
            .ResolveAsync(async ctx => await ctx.Send(new GetMyOrdersQuery(ctx.GetArgument<string?>("after"), ctx.GetArgument<int>("first"))));
}

public sealed record OrderEdge(string Cursor, OrderDto Node);

public sealed class OrderConnectionType : ObjectGraphType<OrdersPage>
{
    public OrderConnectionType()
    {
        Name = "OrderConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEdgeType>>>>("edges")
            .Resolve(ctx => ctx.Source.Orders.Select((o, i) => new OrderEdge(ctx.Source.Cursors[i], o)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>>("nodes").Resolve(ctx => ctx.Source.Orders);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => PageInfo.Forward(ctx, ctx.Source.Cursors, ctx.Source.HasNextPage));
    }
}

public sealed class OrderEdgeType : ObjectGraphType<OrderEdge>
{
    public OrderEdgeType()
    {
        Name = "OrderEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<OrderType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
