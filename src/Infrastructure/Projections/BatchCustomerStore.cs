using CodeScan.Application.Analytics;
using CodeScan.Infrastructure.ReadModels;

namespace CodeScan.Infrastructure.Projections;

/// <summary>The customer activity as one projector batch sees it: payments are kept and sent together, in order, when the batch is flushed.</summary>
internal sealed class BatchCustomerStore(ICustomerStore inner) : ICustomerStore
{
    private readonly List<(Guid Scope, Guid Customer, DateOnly Day, long Bill, long Position)> _payments = [];

    public Task AddPaymentAsync(Guid scopeId, Guid customerId, DateOnly day, long bill, long position, CancellationToken cancellationToken)
    {
        _payments.Add((scopeId, customerId, day, bill, position));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<CustomerDay>> GetDaysAsync(Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.GetDaysAsync(scopeId, from, to, cancellationToken);
    }

    public async Task<IReadOnlyList<DistinctCustomers>> CountAsync(Guid scopeId, IReadOnlyList<IReadOnlyList<ActivityUnit>> covers, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.CountAsync(scopeId, covers, cancellationToken);
    }

    /// <summary>
    /// Sends every kept payment, in order, and forgets them; the caller waits for the answers. A scope's payments of one
    /// day that follow each other go in one call; a day is not gathered across another day's payments, because the
    /// customers' first days are one key per scope, so which day a customer's first payment falls on depends on order.
    /// </summary>
    public IReadOnlyList<Task> Flush(CancellationToken cancellationToken)
    {
        var sent = ScopeRuns.Of(_payments, p => p.Scope, p => (p.Scope, p.Day))
            .Select(run => inner.AddPaymentsAsync(run.Key.Scope, run.Key.Day, [.. run.Items.Select(p => new CustomerPayment(p.Customer, p.Bill, p.Position))], cancellationToken))
            .ToList();
        _payments.Clear();
        return sent;
    }
}
