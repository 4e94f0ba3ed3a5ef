namespace CodeScan.Application.Analytics;

/// <summary>
/// Who paid, when (Redis in production, memory in embedded mode), written only by <see cref="CustomerProjection"/>.
/// Per scope (a merchant, or the platform in a currency, <see cref="PlatformScope"/>) it keeps: per local day the payments, the bill
/// and the customers who paid for the first time; each customer's first day; and, per day, ISO week and month,
/// the set of customers who paid with how many payments each. Distinct counts over a span are exact: the span is
/// covered by whole months and days (<see cref="ActivityUnit.Cover"/>) and their sets are united.
/// </summary>
public interface ICustomerStore
{
    /// <summary>
    /// Records a payment unless the day has already taken an event at <paramref name="position"/> or later.
    /// </summary>
    Task AddPaymentAsync(Guid scopeId, Guid customerId, DateOnly day, long bill, long position, CancellationToken cancellationToken);

    /// <summary>
    /// Several payments of one scope's day, in position order, each recorded or refused as <see cref="AddPaymentAsync"/>
    /// would alone; a store may send them in one go (the projector hands over a batch's this way).
    /// </summary>
    async Task AddPaymentsAsync(Guid scopeId, DateOnly day, IReadOnlyList<CustomerPayment> payments, CancellationToken cancellationToken)
    {
        foreach (var payment in payments)
        {
            await AddPaymentAsync(scopeId, payment.CustomerId, day, payment.Bill, payment.Position, cancellationToken);
        }
    }

    /// <summary>Per day from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    Task<IReadOnlyList<CustomerDay>> GetDaysAsync(Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>For each cover (disjoint units), the customers who paid in any of its units, and those who paid at least twice.</summary>
    Task<IReadOnlyList<DistinctCustomers>> CountAsync(Guid scopeId, IReadOnlyList<IReadOnlyList<ActivityUnit>> covers, CancellationToken cancellationToken);
}

/// <summary>A customer's payment (its bill in minor units) and the position of its event.</summary>
public sealed record CustomerPayment(Guid CustomerId, long Bill, long Position);

/// <summary>One local day: payments, their bills (minor units) and the customers whose first payment it was.</summary>
public sealed record CustomerDay(long Payments, long Bill, long New);

/// <summary>Customers who paid in a span, and those of them who paid at least twice in it.</summary>
public sealed record DistinctCustomers(long Active, long Repeat);
