using CodeScan.Application.Orders.GetOrder;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

/// <summary><c>order</c>: one of the signed-in customer's orders (Application/Orders/GetOrder).</summary>
public sealed class GetOrder : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<OrderType>("order")
            .Allow(Access.SignedIn)
            .Description("One of the signed-in customer's orders; null for an unknown one or someone else's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Send(new GetOrderQuery(GlobalId.ToGuid(ctx.GetArgument<string>("id"), OrderType.TypeName))));
}
