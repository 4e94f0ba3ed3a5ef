using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Orders;
using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Orders;

/// <summary>An order, as <c>purchase</c>, <c>order</c> and <c>orders</c> show it.</summary>
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
