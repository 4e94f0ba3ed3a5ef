using CodeScan.Application.Analytics;
using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.ReadModels;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// The liability projection on its own, fed events as the projector would: the platform's rollups are kept per
/// currency, a reversal gives value back to the lots its payment took, a replay changes nothing, and a year of
/// history is as many rollups to read however many payments each day had.
/// </summary>
public sealed class LiabilityProjectionTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 4, 0, 0, TimeSpan.Zero); // noon in Shanghai
    private readonly InMemoryReadModelStore _store = new();
    private readonly InMemoryLiabilityStore _liability = new();
    private long _position;

    [Fact]
    public async Task Platform_KeepsEachCurrencyApart_AndEqualToItsMerchantsAddedUp()
    {
        var (yuan, dollars) = (Guid.NewGuid(), Guid.NewGuid());
        await ApplyAsync(Recharge(yuan, Guid.NewGuid(), 10_000, 2_000, Start, "CNY"));
        await ApplyAsync(Recharge(yuan, Guid.NewGuid(), 5_000, 0, Start.AddDays(1), "CNY"));
        await ApplyAsync(Recharge(dollars, Guid.NewGuid(), 700, 30, Start, "USD"));

        var (platformYuan, platformDollars) = (await SumAsync(PlatformScope.Of("CNY"), Day(40)), await SumAsync(PlatformScope.Of("USD"), Day(40)));

        Assert.Equal(await SumAsync(yuan, Day(40)), platformYuan);
        Assert.Equal(await SumAsync(dollars, Day(40)), platformDollars);
        Assert.Empty(await SumAsync(PlatformScope.Of("EUR"), Day(40)));
        var cny = LiabilityFigures.From("CNY", platformYuan, ".0", ".1");
        Assert.Equal((15_000L, 2_000L), (cny.Principal, cny.Bonus));
    }

    [Fact]
    public async Task Reversal_GivesValueBackToTheLotsItsPaymentTook_NewestFirst()
    {
        var (merchant, customer) = (Guid.NewGuid(), Guid.NewGuid());
        await ApplyAsync(Recharge(merchant, customer, 1_000, 0, Start, "CNY"));
        await ApplyAsync(Recharge(merchant, customer, 1_000, 0, Start.AddDays(50), "CNY"));
        var payment = Payment(merchant, customer, 1_500, Start.AddDays(60));
        await ApplyAsync(payment);
        Assert.Equal((0L, 500L), await ByAgeAsync(merchant, Day(60)));

        await ApplyAsync(Reversal(payment, 700, Start.AddDays(60).AddHours(1)));

        // 500 back to the day-50 lot (the last taken), 200 to the day-1 lot, which is 60 days old.
        Assert.Equal((200L, 1_000L), await ByAgeAsync(merchant, Day(60)));
        Assert.Equal((1_200L, 0L), await ByAgeAsync(merchant, Day(90)));
    }

    [Fact]
    public async Task Replay_OfEveryEventAgain_ChangesNothing()
    {
        var (merchant, customer) = (Guid.NewGuid(), Guid.NewGuid());
        var payment = Payment(merchant, customer, 300, Start.AddDays(2));
        IDomainEvent[] events = [Recharge(merchant, customer, 1_000, 100, Start, "CNY"), payment, Reversal(payment, 300, Start.AddDays(2).AddHours(1))];
        var envelopes = events.Select(e => new EventEnvelope(++_position, e, e.OccurredAt)).ToList();
        var projection = new LiabilityProjection(_liability, _store);
        foreach (var envelope in envelopes)
        {
            await projection.ApplyAsync(envelope, CancellationToken.None);
        }

        var once = await _liability.GetDaysAsync(merchant, Day(400), CancellationToken.None);
        foreach (var envelope in envelopes)
        {
            await projection.ApplyAsync(envelope, CancellationToken.None);
        }

        var twice = await _liability.GetDaysAsync(merchant, Day(400), CancellationToken.None);
        Assert.Equal(once.Select(d => (d.Day, d.Counters.OrderBy(c => c.Key).ToList())), twice.Select(d => (d.Day, d.Counters.OrderBy(c => c.Key).ToList())));
        Assert.Equal((1_000L, 100L), (LiabilityFigures.From("CNY", SalesCounters.Sum(twice.Select(d => d.Counters)), ".4").Principal, LiabilityFigures.From("CNY", SalesCounters.Sum(twice.Select(d => d.Counters)), ".4").Bonus));
    }

    [Fact]
    public async Task AYearOfHistory_IsReadAsOneRollupPerDay_HoweverManyPaymentsEachDayHad()
    {
        var (quiet, busy) = (Guid.NewGuid(), Guid.NewGuid());
        for (var day = 0; day < 365; day++)
        {
            foreach (var (merchant, customers) in new[] { (quiet, 1), (busy, 20) })
            {
                for (var c = 0; c < customers; c++)
                {
                    var customer = new Guid(c + 1, 0, 0, new byte[8]);
                    await ApplyAsync(Recharge(merchant, customer, 1_000, 0, Start.AddDays(day), "CNY"));
                    await ApplyAsync(Payment(merchant, customer, 400, Start.AddDays(day).AddHours(1)));
                }
            }
        }

        var quietDays = await _liability.GetDaysAsync(quiet, Day(364), CancellationToken.None);
        var busyDays = await _liability.GetDaysAsync(busy, Day(364), CancellationToken.None);
        Assert.Equal(365, quietDays.Count);
        Assert.Equal(quietDays.Select(d => d.Day), busyDays.Select(d => d.Day));
        Assert.Equal(20 * 365 * 600L, LiabilityFigures.From("CNY", SalesCounters.Sum(busyDays.Select(d => d.Counters)), ".0", ".1", ".2", ".3", ".4").Principal);
    }

    [Fact]
    public void Expiry_AtLocalMidnight_BreaksOnTheDayBefore_AndAgingStopsAtIt()
    {
        var midnight = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateOnly(2025, 2, 28), LiabilityProjection.BreaksOn(midnight, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2025, 3, 1), LiabilityProjection.BreaksOn(midnight.AddSeconds(1), "Asia/Shanghai"));

        // Issued on day 0, breaking on day 31 (the day it would turn 31 days old): it moves to 31–90, then to breakage.
        var changes = new LiabilityChanges();
        changes.Add(LiabilityCounters.Coupons, Day(0), Day(0), Day(31), 1);
        var days = changes.Days.ToDictionary(d => d.Day, d => d.Counters);
        Assert.Equal([Day(0), Day(31)], days.Keys.Order());
        Assert.Equal(new Dictionary<string, long> { ["coupons.0"] = 1 }, days[Day(0)]);
        Assert.Equal(new Dictionary<string, long> { ["coupons.0"] = -1, ["coupons.x"] = 1 }, days[Day(31)]);
    }

    private static DateOnly Day(int n) => DateOnly.FromDateTime(Start.UtcDateTime).AddDays(n);

    private async Task ApplyAsync(IDomainEvent e) =>
        await new LiabilityProjection(_liability, _store).ApplyAsync(new EventEnvelope(++_position, e, e.OccurredAt), CancellationToken.None);

    private async Task<IReadOnlyDictionary<string, long>> SumAsync(Guid scope, DateOnly asOf) =>
        SalesCounters.Sum((await _liability.GetDaysAsync(scope, asOf, CancellationToken.None)).Select(d => d.Counters)).Where(c => c.Value != 0).ToDictionary();

    /// <summary>Principal 31–90 days old and 0–30 days old at the close of the day.</summary>
    private async Task<(long Older, long Young)> ByAgeAsync(Guid merchant, DateOnly asOf)
    {
        var counters = await SumAsync(merchant, asOf);
        return (LiabilityFigures.From("CNY", counters, ".1").Principal, LiabilityFigures.From("CNY", counters, ".0").Principal);
    }

    private static StoredValueRecharged Recharge(Guid merchant, Guid customer, long amount, long bonus, DateTimeOffset at, string currency) =>
        new(Guid.NewGuid(), new MerchantId(merchant), new UserId(customer), "138****0000", amount, bonus, currency, 0, 0, null, at);

    private static Redeemed Payment(Guid merchant, Guid customer, long amount, DateTimeOffset at) =>
        new(Guid.NewGuid(), new MerchantId(merchant), new UserId(customer), "138****0000", RedemptionMode.StoredValue, RedemptionChannel.CustomerScan, new UserId(customer),
            amount, null, 0, null, 0, null, 0, null, null, amount, 0, 0, "CNY", 0, 0, at);

    private static RedemptionReversed Reversal(Redeemed payment, long principal, DateTimeOffset at) =>
        new(Guid.NewGuid(), payment.RedemptionId, payment.MerchantId, payment.CustomerId, "138****0000", payment.Mode, principal, 0, 0, null, null, null, false, null,
            "test", payment.ActedBy, "CNY", 0, 0, at);
}
