using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Orders;
using CodeScan.Application.Orders.GetMyOrders;
using CodeScan.Application.Orders.Purchase;
using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType() => Name = "OrderStatus";
}

public sealed class OrderItemKindType : EnumerationGraphType<OrderItemKind>
{
    public OrderItemKindType() => Name = "OrderItemKind";
}

public sealed class OrderType : ObjectGraphType<OrderDto>
{
    public const string TypeName = "Order";

    public OrderType()
    {
        Name = TypeName;
        Description = "A purchase: awaiting payment, paid (what it bought was issued), or expired unpaid.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("merchantId").Resolve(ctx => GlobalId.Encode(MerchantType.TypeName, ctx.Source.MerchantId));
        Field<NonNullGraphType<OrderItemKindType>>("itemKind").Resolve(ctx => ctx.Source.ItemKind);
        Field<NonNullGraphType<IdGraphType>>("itemId").Description("The card product, coupon template or recharge plan bought.").Resolve(ctx => GlobalId.Encode(ItemTypeName(ctx.Source.ItemKind), ctx.Source.ItemId));
        Field<NonNullGraphType<MoneyType>>("amountDue").Resolve(ctx => new Money(ctx.Source.AmountDue, ctx.Source.Currency));
        Field<NonNullGraphType<OrderStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("payBy").Description("Unpaid by then, the order expires.").Resolve(ctx => ctx.Source.PayBy);
        Field<DateTimeOffsetGraphType>("paidAt").Resolve(ctx => ctx.Source.PaidAt);
    }

    private static string ItemTypeName(OrderItemKind kind) => kind switch
    {
        OrderItemKind.CardProduct => CardProductType.TypeName,
        OrderItemKind.CouponTemplate => CouponTemplateType.TypeName,
        _ => RechargePlanType.TypeName,
    };
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

public sealed record OrderEdge(string Cursor, OrderDto Node);

public sealed class OrderConnectionType : ObjectGraphType<OrdersPage>
{
    public OrderConnectionType()
    {
        Name = "OrderConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEdgeType>>>>("edges")
            .Resolve(ctx => ctx.Source.Orders.Select((o, i) => new OrderEdge(ctx.Source.Cursors[i], o)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderType>>>>("nodes").Resolve(ctx => ctx.Source.Orders);
        Field<NonNullGraphType<OrderPageInfoType>>("pageInfo").Resolve(ctx => ctx.Source);
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

public sealed class OrderPageInfoType : ObjectGraphType<OrdersPage>
{
    public OrderPageInfoType()
    {
        Name = "OrderPageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.Cursors.Count == 0 ? null : ctx.Source.Cursors[^1]);
    }
}
