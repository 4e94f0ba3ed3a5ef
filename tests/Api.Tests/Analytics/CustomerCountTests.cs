using CodeScan.Application.Analytics;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, distinct customers are exact: over random payments, every span's active and repeat customers, counted
/// from the stored day, week and month sets (Redis or memory), equal a count over the payments themselves.
/// </summary>
public abstract class CustomerCountTests(StoreMode mode)
{
    [Fact]
    public async Task CountAsync_OverAnySpan_EqualsACountOfThePaymentsThemselves()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var store = host.Services.GetRequiredService<ICustomerStore>();
        var scope = Guid.NewGuid();
        var random = new Random(12);
        var start = new DateOnly(2025, 12, 20);
        var customers = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToArray();
        var payments = new List<(Guid Customer, DateOnly Day)>();
        for (var position = 1; position <= 400; position++)
        {
            var payment = (customers[random.Next(customers.Length)], start.AddDays(random.Next(120)));
            payments.Add(payment);
            await store.AddPaymentAsync(scope, payment.Item1, payment.Item2, 100, position, CancellationToken.None);
        }

        // A replayed payment adds nothing.
        await store.AddPaymentAsync(scope, customers[0], payments[^1].Day, 100, 400, CancellationToken.None);
        var spans = Enumerable.Range(0, 40)
            .Select(_ => start.AddDays(random.Next(-5, 125)))
            .Select(from => (From: from, To: from.AddDays(random.Next(0, 70))))
            .Append((From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 1, 31)))
            .Append((From: new DateOnly(2026, 1, 5), To: new DateOnly(2026, 1, 11)))
            .ToList();
        var counted = await store.CountAsync(scope, [.. spans.Select(s => ActivityUnit.Cover(s.From, s.To))], CancellationToken.None);

        for (var i = 0; i < spans.Count; i++)
        {
            var inSpan = payments.Where(p => p.Day >= spans[i].From && p.Day <= spans[i].To).GroupBy(p => p.Customer).ToList();
            Assert.Equal(new DistinctCustomers(inSpan.Count, inSpan.Count(g => g.Count() >= 2)), counted[i]);
        }

        var days = await store.GetDaysAsync(scope, start, start.AddDays(119), CancellationToken.None);
        Assert.Equal(payments.Count, days.Sum(d => d.Payments));
        Assert.Equal(payments.Select(p => p.Customer).Distinct().Count(), days.Sum(d => d.New));
        Assert.Contains(counted, c => c.Repeat > 0 && c.Active > c.Repeat);
    }

    [Fact]
    public void Cover_OfAnySpan_IsDisjointUnitsThatAreExactlyItsDays()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var from = new DateOnly(2024, 1, 1).AddDays(random.Next(800));
            var to = from.AddDays(random.Next(400));
            var cover = ActivityUnit.Cover(from, to);
            var days = cover.SelectMany(u => Enumerable.Range(0, u.End.DayNumber - u.Start.DayNumber + 1).Select(u.Start.AddDays)).ToList();
            Assert.Equal(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays), days);
            Assert.True(cover.Count(u => u.Kind == ActivityUnitKind.Day) <= 62, $"{from}..{to}: {cover.Count} units");
        }

        Assert.Equal([new ActivityUnit(ActivityUnitKind.Week, new DateOnly(2026, 1, 5))], ActivityUnit.Cover(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11)));
        Assert.Equal([new ActivityUnit(ActivityUnitKind.Month, new DateOnly(2026, 2, 1))], ActivityUnit.Cover(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
    }
}

public sealed class EmbeddedCustomerCountTests() : CustomerCountTests(StoreMode.Embedded);

public sealed class MariaDbCustomerCountTests() : CustomerCountTests(StoreMode.MariaDbRedis);
