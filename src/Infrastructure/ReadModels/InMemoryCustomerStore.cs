using System.Collections.Concurrent;
using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Embedded mode's customer activity: per scope the day counters, each customer's first day and the activity sets, rebuilt from the event log at start.</summary>
internal sealed class InMemoryCustomerStore : ICustomerStore
{
    private readonly ConcurrentDictionary<Guid, Scope> _scopes = new();

    public Task AddPaymentAsync(Guid scopeId, Guid customerId, DateOnly day, long bill, long position, CancellationToken cancellationToken)
    {
        var scope = _scopes.GetOrAdd(scopeId, _ => new Scope());
        lock (scope)
        {
            var counters = scope.Days.TryGetValue(day, out var found) ? found : scope.Days[day] = new Day();
            if (position <= counters.Position)
            {
                return Task.CompletedTask;
            }

            counters.Payments++;
            counters.Bill += bill;
            foreach (var unit in ActivityUnit.Of(day))
            {
                var set = scope.Sets.TryGetValue(unit, out var existing) ? existing : scope.Sets[unit] = [];
                set[customerId] = set.GetValueOrDefault(customerId) + 1;
            }

            if (scope.First.TryAdd(customerId, day))
            {
                counters.New++;
            }

            counters.Position = position;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CustomerDay>> GetDaysAsync(Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<CustomerDay>();
        var scope = _scopes.GetOrAdd(scopeId, _ => new Scope());
        lock (scope)
        {
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                days.Add(scope.Days.TryGetValue(day, out var d) ? new CustomerDay(d.Payments, d.Bill, d.New) : new CustomerDay(0, 0, 0));
            }
        }

        return Task.FromResult<IReadOnlyList<CustomerDay>>(days);
    }

    public Task<IReadOnlyList<DistinctCustomers>> CountAsync(Guid scopeId, IReadOnlyList<IReadOnlyList<ActivityUnit>> covers, CancellationToken cancellationToken)
    {
        var scope = _scopes.GetOrAdd(scopeId, _ => new Scope());
        lock (scope)
        {
            return Task.FromResult<IReadOnlyList<DistinctCustomers>>([.. covers.Select(cover => Count(scope, cover))]);
        }
    }

    /// <summary>The union of the cover's sets, each customer's payments added up, as ZUNIONSTORE does in Redis.</summary>
    private static DistinctCustomers Count(Scope scope, IReadOnlyList<ActivityUnit> cover)
    {
        var payments = new Dictionary<Guid, long>();
        foreach (var (customer, count) in cover.SelectMany(unit => scope.Sets.TryGetValue(unit, out var set) ? set : []))
        {
            payments[customer] = payments.GetValueOrDefault(customer) + count;
        }

        return new DistinctCustomers(payments.Count, payments.Count(p => p.Value >= 2));
    }

    private sealed class Scope
    {
        public Dictionary<DateOnly, Day> Days { get; } = [];

        public Dictionary<ActivityUnit, Dictionary<Guid, long>> Sets { get; } = [];

        public Dictionary<Guid, DateOnly> First { get; } = [];
    }

    private sealed class Day
    {
        public long Position { get; set; }

        public long Payments { get; set; }

        public long Bill { get; set; }

        public long New { get; set; }
    }
}
