using CodeScan.Api.GraphQL.Issuance;
using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Application.Orders.GetMyOrders;
using CodeScan.Application.Orders.GetOrder;
using CodeScan.Application.Orders.Purchase;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

/// <summary>Buying by payment: the order and its payment session, and the customer's order history.</summary>
public static class OrderFields
{
    public static void AddOrderMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PurchasePayloadType>>("purchase")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer buys a card, a coupon or stored value: an order for the catalog price and a payment session for the provider's SDK. Issued once the provider reports the payment.")
            .Argument<NonNullGraphType<PurchaseInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var outcome = await ctx.Send(new PurchaseCommand(
                    MerchantReviewFields.MerchantIdOf(input), CatalogItemInputType.ItemOf(input), MerchantReviewFields.Text(input, "idempotencyKey")));
                return outcome.ToPayload(r => r);
            });
    }

    public static void AddOrderQueries(this ObjectGraphType query)
    {
        query.Field<OrderType>("order")
            .Allow(Access.SignedIn)
            .Description("One of the signed-in customer's orders; null for an unknown one or someone else's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("id"), OrderType.TypeName, out var id);
                return await ctx.Send(new GetOrderQuery(id));
            });

        query.Field<NonNullGraphType<OrderConnectionType>>("orders")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's orders, newest first.")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 20)
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > GetMyOrdersHandler.MaxPage)
                {
                    throw new ExecutionError($"'first' must be between 1 and {GetMyOrdersHandler.MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                return await ctx.Send(new GetMyOrdersQuery(ctx.GetArgument<string?>("after"), first));
            });
    }
}

public sealed class PurchaseInputType : InputObjectGraphType
{
    public PurchaseInputType()
    {
        Name = "PurchaseInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<CatalogItemInputType>>("item");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key returns the same order.");
    }
}
