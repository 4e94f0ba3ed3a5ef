using CodeScan.Api.Tests.Support;
using CodeScan.Application.Analytics;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// A wallet's lots stay bounded however long its history (lots over a year old are merged), and the rollups age
/// its value exactly as lots never merged would: 400 days of daily recharges and payments, some large, some
/// reversed, bonus spent from the merged lots at the end; applied in day batches through the projector's batch
/// store to the mode's real store, and compared with <see cref="UnmergedLots"/> as of every day and a year ahead.
/// </summary>
public abstract class LiabilityLotsTests(StoreMode mode)
{
    private const int Days = 400;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 4, 0, 0, TimeSpan.Zero); // noon in Shanghai
    private readonly Guid _merchant = Guid.NewGuid();
    private readonly Guid _customer = Guid.NewGuid();
    private readonly UnmergedLots _principal = new();
    private readonly UnmergedLots _bonus = new();
    private long _position;

    [Fact]
    public async Task Lots_AfterFourHundredDaysOfDailyTrade_StayBounded_AndAgeAsLotsNeverMerged()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var liability = host.Services.GetRequiredService<ILiabilityStore>();
        var store = host.Services.GetRequiredService<IReadModelStore>();
        var expected = new List<long[]>();
        for (var day = 0; day < Days; day++)
        {
            var batch = new BatchLiabilityStore(liability);
            var projection = new LiabilityProjection(batch, store);
            foreach (var e in DayOfTrade(day))
            {
                await projection.ApplyAsync(new EventEnvelope(++_position, e, e.OccurredAt), CancellationToken.None);
            }

            await Task.WhenAll(batch.Flush(CancellationToken.None));
            expected.Add(Figures(Day(day)));
        }

        var lots = await liability.GetLotsAsync(_merchant, _customer, CancellationToken.None);
        Assert.True(_bonus.Count > WalletLots.MergedFromAgeDays + 1, "the reference keeps every day's bonus apart");
        Assert.InRange(lots!.Bonus.Count, 1, WalletLots.MergedFromAgeDays + 1);
        Assert.InRange(lots.Principal.Count, 1, WalletLots.MergedFromAgeDays + 1);
        Assert.Equal((_principal.Buckets(Day(Days)).Sum(), _bonus.Buckets(Day(Days)).Sum()), (lots.Principal.Sum(l => l.Amount), lots.Bonus.Sum(l => l.Amount)));

        // A year ahead, with no event, the value keeps aging as the reference's does.
        expected.AddRange(Enumerable.Range(Days, 366).Select(day => Figures(Day(day))));
        var actual = await AsOfEveryDayAsync(liability, _merchant, expected.Count);
        for (var day = 0; day < expected.Count; day++)
        {
            Assert.True(expected[day].SequenceEqual(actual[day]), $"as of day {day}: expected [{string.Join(", ", expected[day])}], got [{string.Join(", ", actual[day])}]");
        }

        Assert.Equal(actual, await AsOfEveryDayAsync(liability, PlatformScope.Of("XTS"), expected.Count));
    }

    /// <summary>Recharge 1,000 + 100 bonus; pay 600 (8,000 every 50th day; bonus 120 too from day 380); every 10th payment partly reversed.</summary>
    private IEnumerable<IDomainEvent> DayOfTrade(int day)
    {
        var noon = Start.AddDays(day);
        _principal.Load(Day(day), 1_000);
        _bonus.Load(Day(day), 100);
        yield return new StoredValueRecharged(Guid.NewGuid(), new MerchantId(_merchant), new UserId(_customer), "138****0000", 1_000, 100, "XTS", 0, 0, null, noon);

        var payment = Guid.NewGuid();
        var (principal, bonus) = (day % 50 == 49 ? 8_000L : 600L, day >= 380 ? 120L : 0L);
        _principal.Draw(payment, principal);
        _bonus.Draw(payment, bonus);
        yield return new Redeemed(payment, new MerchantId(_merchant), new UserId(_customer), "138****0000", RedemptionMode.StoredValue, RedemptionChannel.CustomerScan,
            new UserId(_customer), principal + bonus, null, 0, null, 0, null, 0, null, null, principal, bonus, 0, "XTS", 0, 0, noon.AddHours(1));
        if (day % 10 == 9)
        {
            var (principalBack, bonusBack) = (Math.Min(principal, 2_500L), Math.Min(bonus, 100L));
            _principal.Restore(payment, principalBack);
            _bonus.Restore(payment, bonusBack);
            yield return new RedemptionReversed(Guid.NewGuid(), payment, new MerchantId(_merchant), new UserId(_customer), "138****0000", RedemptionMode.StoredValue,
                principalBack, bonusBack, 0, null, null, null, false, null, "test", new UserId(_customer), "XTS", 0, 0, noon.AddHours(2));
        }
    }

    /// <summary>Principal then bonus, by aging bucket, at the close of <paramref name="asOf"/>.</summary>
    private long[] Figures(DateOnly asOf) => [.. _principal.Buckets(asOf), .. _bonus.Buckets(asOf)];

    /// <summary>The same figures summed from the rollups, for each of the first <paramref name="count"/> days.</summary>
    private static async Task<List<long[]>> AsOfEveryDayAsync(ILiabilityStore liability, Guid scope, int count)
    {
        var days = (await liability.GetDaysAsync(scope, Day(count), CancellationToken.None)).ToDictionary(d => d.Day, d => d.Counters);
        var names = new[] { LiabilityCounters.Principal, LiabilityCounters.Bonus }
            .SelectMany(measure => Enumerable.Range(0, LiabilityCounters.BucketStartDays.Length).Select(bucket => LiabilityCounters.Held(measure, bucket))).ToList();
        var running = new long[names.Count];
        var result = new List<long[]>();
        for (var day = 0; day < count; day++)
        {
            foreach (var (name, value) in days.GetValueOrDefault(Day(day)) ?? new Dictionary<string, long>())
            {
                var index = names.IndexOf(name);
                Assert.True(index >= 0, $"unexpected counter {name} on day {day}");
                running[index] += value;
            }

            result.Add([.. running]);
        }

        return result;
    }

    private static DateOnly Day(int n) => DateOnly.FromDateTime(Start.UtcDateTime).AddDays(n);
}

public sealed class EmbeddedLiabilityLotsTests() : LiabilityLotsTests(StoreMode.Embedded);

public sealed class MariaDbLiabilityLotsTests() : LiabilityLotsTests(StoreMode.MariaDbRedis);
