using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Orders.GetOrder;

/// <summary>One of the signed-in customer's orders; someone else's order is as unknown as a missing one.</summary>
public sealed record GetOrderQuery(Guid OrderId) : IQuery<OrderDto?>, IRequireSignedIn;

public sealed class GetOrderHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetOrderQuery, OrderDto?>
{
    public async ValueTask<OrderDto?> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var customerId = currentUser.RequiredId;
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.OrderId && o.CustomerId == customerId, cancellationToken);
        return order is null ? null : OrderDto.From(order);
    }
}
