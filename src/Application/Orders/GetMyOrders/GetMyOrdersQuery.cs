using System.Globalization;
using System.Text;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Orders.GetMyOrders;

/// <summary>The signed-in customer's orders, newest first, a page at a time (cursor: created-at ticks and id).</summary>
public sealed record GetMyOrdersQuery(string? After, int First) : IQuery<OrdersPage>, IRequireSignedIn;

public sealed record OrdersPage(IReadOnlyList<OrderDto> Orders, IReadOnlyList<string> Cursors, bool HasNextPage);

public sealed class GetMyOrdersHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyOrdersQuery, OrdersPage>
{
    public const int MaxPage = 100;

    public async ValueTask<OrdersPage> Handle(GetMyOrdersQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 1, MaxPage);
        var customerId = currentUser.RequiredId;
        var orders = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        long afterTicks = long.MaxValue;
        var afterId = Guid.Empty;
        if (query.After is not null)
        {
            if (!TryParse(query.After, out afterTicks, out afterId))
            {
                throw new InvalidQueryInputException("'after' is not a cursor returned by this API.");
            }

            var after = new DateTimeOffset(afterTicks, TimeSpan.Zero);
            orders = orders.Where(o => o.CreatedAt <= after);
        }

        // Ids are stored as strings, so the tie-break within one tick is done in memory (see GetMerchantApplications).
        var rows = (await orders.OrderByDescending(o => o.CreatedAt).Take(first + 1 + MaxPage).ToListAsync(cancellationToken))
            .Where(o => query.After is null || o.CreatedAt.UtcTicks < afterTicks || o.Id.CompareTo(afterId) < 0)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(first + 1)
            .ToList();
        var page = rows.Take(first).ToList();
        return new OrdersPage(page.Select(OrderDto.From).ToList(), page.Select(o => Format(o)).ToList(), rows.Count > first);
    }

    private static string Format(Order order) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{order.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{order.Id:N}"));

    private static bool TryParse(string cursor, out long ticks, out Guid id)
    {
        ticks = 0;
        id = Guid.Empty;
        if (cursor.Length > 100)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ticks)
                && Guid.TryParseExact(parts[1], "N", out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
