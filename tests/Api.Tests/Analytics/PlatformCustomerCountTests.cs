using CodeScan.Api.Tests.Support;
using CodeScan.Application.Analytics;
using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Analytics.GetPlatformCustomers;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, customers for the platform are exact: 600 random payments by 30 customers at three merchants in zones
/// 22 hours apart, through the customer projection into the mode's store (some replayed), then over random spans
/// and granularities the platform's report — and a merchant's — equals a direct count of the payments on each
/// merchant's local days: active, new (first payment anywhere), repeat, payments and bills.
/// </summary>
public abstract class PlatformCustomerCountTests(StoreMode mode)
{
    private const string Currency = "XTS";
    private static readonly string[] Zones = ["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"];
    private static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlatformCustomers_OverRandomSpans_EqualADirectCountOfThePayments()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var customers = host.Services.GetRequiredService<ICustomerStore>();
        var store = host.Services.GetRequiredService<IReadModelStore>();
        var random = new Random(2026);
        var payments = await ProjectRandomPaymentsAsync(customers, store, random);

        var spans = Enumerable.Range(0, 30)
            .Select(_ => DateOnly.FromDateTime(Start.UtcDateTime).AddDays(random.Next(-3, 150)))
            .Select(from => (From: from, To: from.AddDays(random.Next(0, 100)), Granularity: (SalesGranularity)random.Next(3)))
            .ToList();
        var platform = new GetPlatformCustomersHandler(customers);
        var merchant = new GetMerchantCustomersHandler(customers, store);
        foreach (var (span, i) in spans.Select((s, i) => (s, i)))
        {
            var report = await platform.Handle(new GetPlatformCustomersQuery(Currency, span.From, span.To, span.Granularity), CancellationToken.None);
            Assert.Equal((span.From, span.To), (report.Periods[0].From, report.Periods[^1].To));
            Assert.All(report.Periods.Zip(report.Periods.Skip(1)), p => Assert.Equal(p.First.To.AddDays(1), p.Second.From));
            Assert.All(report.Periods.Append(report.Total), p => Assert.Equal(Count(payments, p.From, p.To), p));

            var merchantId = payments[i].Merchant;
            var own = await merchant.Handle(new GetMerchantCustomersQuery(new MerchantId(merchantId), span.From, span.To, span.Granularity), CancellationToken.None);
            Assert.Equal(Count([.. payments.Where(p => p.Merchant == merchantId)], span.From, span.To), own.Total);
        }

        var whole = await platform.Handle(new GetPlatformCustomersQuery(Currency, new DateOnly(2025, 11, 29), new DateOnly(2026, 5, 1), SalesGranularity.Month), CancellationToken.None);
        Assert.Equal((30L, 30L, 600L), (whole.Total.Active, whole.Total.New, whole.Total.Payments));
        Assert.Contains(whole.Periods, p => p.Returning > 0 && p.New > 0 && p.Repeat > 0 && p.Repeat < p.Active);
    }

    /// <summary>The payments, in time order, applied through <see cref="CustomerProjection"/>; every 40th applied twice.</summary>
    private static async Task<List<Payment>> ProjectRandomPaymentsAsync(ICustomerStore customers, IReadModelStore store, Random random)
    {
        var merchants = new List<(Guid Id, TimeZoneInfo Zone)>();
        foreach (var zone in Zones)
        {
            var id = Guid.NewGuid();
            await store.PutMerchantAsync(new MerchantView(id, Guid.NewGuid(), "Count", "ZH_CN", Currency, "Approved", null, 1) { TimeZone = zone }, CancellationToken.None);
            merchants.Add((id, TimeZoneInfo.FindSystemTimeZoneById(zone)));
        }

        var people = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();
        var payments = Enumerable.Range(0, 600)
            .Select(_ => (Customer: people[random.Next(people.Length)], Merchant: merchants[random.Next(merchants.Count)], At: Start.AddSeconds(random.NextInt64(150L * 86_400)), Bill: random.Next(1, 10_000)))
            .OrderBy(p => p.At)
            .Select(p => new Payment(p.Customer, p.Merchant.Id, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.At, p.Merchant.Zone).DateTime), p.At, p.Bill))
            .ToList();
        var projection = new CustomerProjection(customers, store);
        var position = 0L;
        foreach (var p in payments)
        {
            var paid = new Redeemed(Guid.NewGuid(), new MerchantId(p.Merchant), new UserId(p.Customer), "138****0000", RedemptionMode.StoredValue, RedemptionChannel.CustomerScan,
                new UserId(p.Customer), p.Bill, null, 0, null, 0, null, 0, null, null, p.Bill, 0, 0, Currency, 0, 0, p.At);
            var envelope = new EventEnvelope(++position, paid, p.At);
            await projection.ApplyAsync(envelope, CancellationToken.None);
            if (position % 40 == 0)
            {
                await projection.ApplyAsync(envelope, CancellationToken.None);
            }
        }

        return payments;
    }

    /// <summary>The period as counted from the payments themselves: a customer is new on the local day of their first payment in time.</summary>
    private static CustomerPeriod Count(IReadOnlyList<Payment> payments, DateOnly from, DateOnly to)
    {
        var inSpan = payments.Where(p => p.Day >= from && p.Day <= to).ToList();
        var byCustomer = inSpan.GroupBy(p => p.Customer).ToList();
        var firstDays = payments.GroupBy(p => p.Customer).Select(g => g.MinBy(p => p.At)!.Day);
        return new CustomerPeriod(
            from, to, Currency, byCustomer.Count, firstDays.Count(d => d >= from && d <= to), byCustomer.Count(g => g.Count() >= 2), inSpan.Count, inSpan.Sum(p => p.Bill));
    }

    private sealed record Payment(Guid Customer, Guid Merchant, DateOnly Day, DateTimeOffset At, long Bill);
}

public sealed class EmbeddedPlatformCustomerCountTests() : PlatformCustomerCountTests(StoreMode.Embedded);

public sealed class MariaDbPlatformCustomerCountTests() : PlatformCustomerCountTests(StoreMode.MariaDbRedis);
