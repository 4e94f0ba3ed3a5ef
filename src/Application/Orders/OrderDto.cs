using CodeScan.Domain.Orders;

namespace CodeScan.Application.Orders;

public sealed record OrderDto(
    Guid Id,
    Guid MerchantId,
    Guid CustomerId,
    OrderItemKind ItemKind,
    Guid ItemId,
    long AmountDue,
    string Currency,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset PayBy,
    DateTimeOffset? PaidAt)
{
    public static OrderDto From(Order order) => new(
        order.Id, order.MerchantId.Value, order.CustomerId.Value, order.ItemKind, order.ItemId, order.AmountDue, order.Currency,
        order.Status, order.CreatedAt, order.PayBy, order.PaidAt);
}
