using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Orders.ExpireOrders;

/// <summary>
/// Expires a batch of orders not paid in time (the pay-by time and <c>Payments:LatePaymentGrace</c>); sent by a
/// background service, never over the API. A payment that arrives afterwards is refused (and logged for a refund).
/// </summary>
public sealed record ExpireOrdersCommand(int BatchSize) : ICommand<int>, IAllowAnonymous;

public sealed class ExpireOrdersHandler(IApplicationDbContext db, IOptions<OrderOptions> options, TimeProvider clock) : ICommandHandler<ExpireOrdersCommand, int>
{
    public async ValueTask<int> Handle(ExpireOrdersCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grace = options.Value.LatePaymentGrace > TimeSpan.Zero ? options.Value.LatePaymentGrace : TimeSpan.Zero;
        var closedBefore = now - grace;
        var due = await db.Orders
            .Where(o => o.Status == OrderStatus.AwaitingPayment && o.PayBy < closedBefore)
            .OrderBy(o => o.PayBy)
            .Take(Math.Clamp(command.BatchSize, 1, 1000))
            .ToListAsync(cancellationToken);

        // A payment settling one of these at the same moment bumps its version: the unit of work then
        // runs this batch again on fresh state, and the paid order is left alone.
        return due.Count(order => order.Expire(now, grace));
    }
}
