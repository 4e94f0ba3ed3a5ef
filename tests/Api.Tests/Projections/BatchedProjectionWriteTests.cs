using CodeScan.Application.Analytics;
using CodeScan.Application.Records;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// The projector hands a batch's rollup and record writes over together (one Redis script per key, not per event): that
/// must store exactly what the events one by one store, and a batch applied again after a failure — its first part already in,
/// overlapping a longer batch — must add only what is new.
/// </summary>
public abstract class BatchedProjectionWriteTests(StoreMode mode)
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Fact]
    public async Task SalesAdditions_ADayAtATime_WithReplayedParts_EqualTheEventsOneByOne()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var store = host.Services.GetRequiredService<ISalesStore>();
        var (oneByOne, batched) = (Guid.NewGuid(), Guid.NewGuid());
        var events = Events(seed: 3).Select(e => (e.Position, e.Day, Counters: (IReadOnlyDictionary<string, long>)new Dictionary<string, long>
        {
            ["payments"] = 1,
            ["bill"] = e.Amount,
            [e.Amount % 2 == 0 ? "even" : "odd"] = e.Amount * 3,
        })).ToList();

        foreach (var e in events)
        {
            await store.AddAsync(oneByOne, e.Day, e.Position, e.Counters, CancellationToken.None);
        }

        foreach (var batch in ReplayedBatches(events.Count))
        {
            foreach (var day in batch.Select(i => events[i]).GroupBy(e => e.Day))
            {
                await store.AddAllAsync(batched, day.Key, [.. day.Select(e => new SalesAddition(e.Position, e.Counters))], CancellationToken.None);
            }
        }

        var expected = await store.GetDaysAsync(oneByOne, Start, Start.AddDays(9), CancellationToken.None);
        var actual = await store.GetDaysAsync(batched, Start, Start.AddDays(9), CancellationToken.None);
        Assert.Equal(events.Count, expected.Sum(d => d.GetValueOrDefault("payments")));
        Assert.Equal(expected.Select(Sorted), actual.Select(Sorted));
    }

    /// <summary>A batch's additions are summed before they are written; the sums stay exact past what a double holds (2^53).</summary>
    [Fact]
    public async Task SalesAdditions_PastWhatADoubleHoldsExactly_StayExactToTheUnit()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var store = host.Services.GetRequiredService<ISalesStore>();
        var scope = Guid.NewGuid();
        long[] values = [(1L << 53) + 1, (1L << 52) + 3, (1L << 52) + 5, -((1L << 53) + 7), 1, (1L << 60) + 1, -((1L << 60) + 1), 3, -((1L << 52) + 1), -((1L << 52) + 1)];
        var additions = values.Select((v, i) => new SalesAddition(i + 1, new Dictionary<string, long> { ["big"] = v, ["n"] = 1 })).ToList();

        await store.AddAllAsync(scope, Start, additions, CancellationToken.None);

        var day = Assert.Single(await store.GetDaysAsync(scope, Start, Start, CancellationToken.None));
        Assert.Equal(values.Sum(), day["big"]);
        Assert.Equal(values.Length, day["n"]);
    }

    [Fact]
    public async Task CustomerPayments_ADayAtATime_WithReplayedParts_EqualThePaymentsOneByOne()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var store = host.Services.GetRequiredService<ICustomerStore>();
        var (oneByOne, batched) = (Guid.NewGuid(), Guid.NewGuid());
        var customers = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var events = Events(seed: 5).Select(e => (e.Position, e.Day, Payment: new CustomerPayment(customers[e.Amount % customers.Length], e.Amount, e.Position))).ToList();

        foreach (var e in events)
        {
            await store.AddPaymentAsync(oneByOne, e.Payment.CustomerId, e.Day, e.Payment.Bill, e.Position, CancellationToken.None);
        }

        foreach (var batch in ReplayedBatches(events.Count))
        {
            // Only payments of one day that follow each other go together: a customer's first day depends on the order.
            foreach (var run in SameDayRuns(batch.Select(i => events[i]), e => e.Day))
            {
                await store.AddPaymentsAsync(batched, run[0].Day, [.. run.Select(e => e.Payment)], CancellationToken.None);
            }
        }

        var to = Start.AddDays(9);
        Assert.Equal(events.Count, (await store.GetDaysAsync(oneByOne, Start, to, CancellationToken.None)).Sum(d => d.Payments));
        Assert.Equal(await store.GetDaysAsync(oneByOne, Start, to, CancellationToken.None), await store.GetDaysAsync(batched, Start, to, CancellationToken.None));
        IReadOnlyList<IReadOnlyList<ActivityUnit>> covers = [ActivityUnit.Cover(Start, to), ActivityUnit.Cover(Start.AddDays(2), Start.AddDays(4))];
        Assert.Equal(await store.CountAsync(oneByOne, covers, CancellationToken.None), await store.CountAsync(batched, covers, CancellationToken.None));
    }

    [Fact]
    public async Task RecordEntries_AllAtOnce_WithReplayedParts_EqualTheEntriesOneByOne()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var store = host.Services.GetRequiredService<IRecordStore>();
        var events = Events(seed: 9);

        // The same entries twice, under two sets of merchants and customers: one by one, and in replayed batches.
        var (oneByOne, batched) = (new RecordWorld(), new RecordWorld());
        foreach (var e in events)
        {
            await store.AppendAsync(oneByOne.Entry(e.Position, e.Amount), CancellationToken.None);
        }

        foreach (var batch in ReplayedBatches(events.Count))
        {
            await store.AppendAllAsync([.. batch.Select(i => batched.Entry(events[i].Position, events[i].Amount))], CancellationToken.None);
        }

        var owners = oneByOne.Owners().Zip(batched.Owners());
        foreach (var (expected, actual) in owners)
        {
            var want = await store.ListAsync(expected, RecordFilter.All, long.MaxValue, 500, CancellationToken.None);
            var got = await store.ListAsync(actual, RecordFilter.All, long.MaxValue, 500, CancellationToken.None);
            Assert.NotEmpty(want);
            Assert.Equal(want.Select(e => (e.Position, e.Kind, e.Amount)), got.Select(e => (e.Position, e.Kind, e.Amount)));
        }

        foreach (var (m, c) in oneByOne.Wallets())
        {
            Assert.Equal(
                await store.GetBalanceAsync(oneByOne.Merchants[m], oneByOne.Customers[c], CancellationToken.None),
                await store.GetBalanceAsync(batched.Merchants[m], batched.Customers[c], CancellationToken.None));
        }
    }

    /// <summary>Events in position order over ten days: runs of one day, and late ones for an earlier day among them.</summary>
    private static List<(long Position, DateOnly Day, int Amount)> Events(int seed)
    {
        var random = new Random(seed);
        var day = Start;
        var events = new List<(long Position, DateOnly Day, int Amount)>();
        for (var position = 1; position <= 120; position++)
        {
            day = random.Next(3) == 0 ? Start.AddDays(random.Next(10)) : day;
            events.Add((position, day, random.Next(1, 500)));
        }

        return events;
    }

    private static IEnumerable<List<T>> SameDayRuns<T>(IEnumerable<T> items, Func<T, DateOnly> day)
    {
        var run = new List<T>();
        foreach (var item in items)
        {
            if (run.Count > 0 && day(run[0]) != day(item))
            {
                yield return run;
                run = [];
            }

            run.Add(item);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>
    /// Index ranges as a projector that fails would apply them: each batch after the first starts inside the one before
    /// (its first part was written before the failure) and goes further.
    /// </summary>
    private static IEnumerable<IEnumerable<int>> ReplayedBatches(int count)
    {
        var (from, to) = (0, 0);
        while (to < count)
        {
            var next = Math.Min(count, to + 25);
            yield return Enumerable.Range(from, next - from);
            (from, to) = (Math.Max(0, next - 10), next);
        }

        yield return Enumerable.Range(0, count);
    }

    private static string Sorted(IReadOnlyDictionary<string, long> day) => string.Join(",", day.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}

public sealed class EmbeddedBatchedProjectionWriteTests() : BatchedProjectionWriteTests(StoreMode.Embedded);

public sealed class MariaDbBatchedProjectionWriteTests() : BatchedProjectionWriteTests(StoreMode.MariaDbRedis);

/// <summary>Two merchants and four customers; an event's amount says whose entry it is and of which kind.</summary>
internal sealed class RecordWorld
{
    public Guid[] Merchants { get; } = [Guid.NewGuid(), Guid.NewGuid()];

    public Guid[] Customers { get; } = [.. Enumerable.Range(0, 4).Select(_ => Guid.NewGuid())];

    public RecordEntry Entry(long position, int amount) =>
        new(position, amount % 3 == 0 ? RecordKind.Recharge : RecordKind.Redemption, Merchants[amount % 2], "Shop",
            Customers[amount % 4], "138****0000", "CNY", DateTimeOffset.UnixEpoch.AddMinutes(position))
        {
            Amount = amount,
            PrincipalAfter = amount * 7,
            BonusAfter = amount,
        };

    public IEnumerable<RecordOwner> Owners() => [.. Merchants.Select(RecordOwner.Merchant), .. Customers.Select(RecordOwner.Customer)];

    public IEnumerable<(int Merchant, int Customer)> Wallets() => Enumerable.Range(0, 2).SelectMany(m => Enumerable.Range(0, 4).Select(c => (m, c)));
}
