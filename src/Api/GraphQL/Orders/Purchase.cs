using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Orders;
using CodeScan.Application.Orders.Purchase;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

/// <summary><c>purchase</c>: the signed-in customer orders a catalog item and gets a payment session (Application/Orders/Purchase).</summary>
public sealed class Purchase : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PurchasePayloadType>>("purchase")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer buys a card, a coupon or stored value: an order for the catalog price and a payment session for the provider's SDK. Issued once the provider reports the payment.")
            .Argument<NonNullGraphType<PurchaseInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<PurchaseInput>("input");
                var outcome = await ctx.Send(new PurchaseCommand(GlobalId.ToMerchantId(input.MerchantId), input.Item?.ToItemRef(), input.IdempotencyKey));
                return outcome.ToPayload(r => r);
            });
}

public sealed record PurchaseInput(string MerchantId, CatalogItemInput? Item, string IdempotencyKey);

public sealed class PurchaseInputType : InputObjectGraphType<PurchaseInput>
{
    public PurchaseInputType()
    {
        Name = "PurchaseInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<CatalogItemInputType>>("item");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key returns the same order.");
    }
}

public sealed class PurchasePayloadType : ObjectGraphType<Payload<PurchaseResult>>
{
    public PurchasePayloadType()
    {
        Name = "PurchasePayload";
        Field<OrderType>("order").Resolve(ctx => ctx.Source.Result?.Order);
        Field<PaymentSessionType>("payment").Resolve(ctx => ctx.Source.Result?.Payment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class PaymentSessionType : ObjectGraphType<PaymentSession>
{
    public PaymentSessionType()
    {
        Name = "PaymentSession";
        Description = "What the client hands to the payment provider's SDK.";
        Field<NonNullGraphType<StringGraphType>>("provider").Resolve(ctx => ctx.Source.Provider);
        Field<NonNullGraphType<StringGraphType>>("sessionId").Resolve(ctx => ctx.Source.SessionId);
        Field<NonNullGraphType<StringGraphType>>("clientSecret").Resolve(ctx => ctx.Source.ClientSecret);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(ctx => ctx.Source.ExpiresAt);
    }
}
