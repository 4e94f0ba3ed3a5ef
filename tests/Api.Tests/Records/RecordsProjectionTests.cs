using CodeScan.Api.Tests.Support;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;
using CodeScan.Infrastructure.ReadModels;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Records;

/// <summary>
/// The records projection fed events directly, over the store each mode uses (memory; Redis): every kind of
/// event becomes one entry on both sides with its breakdown, replays change nothing, and paging with kinds,
/// merchant and date filters returns exactly what a plain filter over everything would, once each, newest first.
/// </summary>
public abstract class RecordsProjectionTests(StoreMode mode)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly Guid _merchantA = Guid.NewGuid();
    private readonly Guid _merchantB = Guid.NewGuid();
    private readonly Guid _alice = Guid.NewGuid();
    private readonly Guid _bob = Guid.NewGuid();

    [Fact]
    public async Task Apply_WhenEachKindOfEventArrives_RecordsItForCustomerAndMerchantWithBreakdownAndBalanceAfter()
    {
        await using var stores = await Stores.CreateAsync(mode, _merchantA, _merchantB);
        var timesCard = Guid.NewGuid();
        var coupon = Guid.NewGuid();
        var payment = Guid.NewGuid();

        await stores.ApplyAsync(1, Recharged(_merchantA, _alice, 10_000, 1_000, principalAfter: 10_000, bonusAfter: 1_000, at: Start));
        await stores.ApplyAsync(2, CardIssuedEvent(_merchantA, _alice, timesCard, CardKind.TimesCard, "10 haircuts", 30_000, 10, Start.AddMinutes(1)));
        await stores.ApplyAsync(3, RedeemedEvent(_merchantA, _alice, Guid.NewGuid(), RedemptionMode.TimesCard, bill: 0, fromPrincipal: 0, fromBonus: 0, principalAfter: 10_000, bonusAfter: 1_000, Start.AddMinutes(2)) with
        {
            TimesCardId = timesCard, Uses = 2, UsesLeft = 8, InstrumentName = "10 haircuts",
        });
        await stores.ApplyAsync(4, RedeemedEvent(_merchantA, _alice, payment, RedemptionMode.Coupon, bill: 6_000, fromPrincipal: 4_000, fromBonus: 500, principalAfter: 6_000, bonusAfter: 500, Start.AddMinutes(3)) with
        {
            CouponId = coupon, CouponDiscount = 1_000, PaidOutside = 500, InstrumentName = "10 off", Channel = RedemptionChannel.StaffWriteOff,
        });
        await stores.ApplyAsync(5, new RedemptionReversed(
            Guid.NewGuid(), payment, new MerchantId(_merchantA), new UserId(_alice), "139****0001", RedemptionMode.Coupon, 4_000, 500, 0, null, null,
            coupon, true, "10 off", "Wrong table", new UserId(Guid.NewGuid()), "CNY", 10_000, 1_000, Start.AddMinutes(4)));
        await stores.ApplyAsync(6, CouponIssuedEvent(_merchantA, _alice, Guid.NewGuid(), "Welcome", 0, Start.AddMinutes(5)));
        await stores.ApplyAsync(7, Recharged(_merchantB, _alice, 2_000, 0, principalAfter: 2_000, bonusAfter: 0, at: Start.AddMinutes(6)));

        var mine = await stores.Records.ListAsync(RecordOwner.Customer(_alice), RecordFilter.All, long.MaxValue, 100, CancellationToken.None);
        Assert.Equal([7L, 6, 5, 4, 3, 2, 1], mine.Select(r => r.Position));
        Assert.Equal(
            [RecordKind.Recharge, RecordKind.Issuance, RecordKind.Reversal, RecordKind.Redemption, RecordKind.Redemption, RecordKind.Issuance, RecordKind.Recharge],
            mine.Select(r => r.Kind));
        var atA = await stores.Records.ListAsync(RecordOwner.Merchant(_merchantA), RecordFilter.All, long.MaxValue, 100, CancellationToken.None);
        Assert.Equal(mine.Where(r => r.MerchantId == _merchantA), atA);
        Assert.Equal([7L], (await stores.Records.ListAsync(RecordOwner.Merchant(_merchantB), RecordFilter.All, long.MaxValue, 100, CancellationToken.None)).Select(r => r.Position));

        var byPosition = mine.ToDictionary(r => r.Position);
        Assert.Equal((10_000L, 1_000L, 11_000L, 11_000L, "Tea House A"), (byPosition[1].PrincipalChange, byPosition[1].BonusChange, byPosition[1].StoredValueChange, byPosition[1].StoredValueAfter, byPosition[1].MerchantName));
        Assert.Equal((RecordItemKind.TimesCard, 10, 10, 30_000L, 11_000L), (byPosition[2].ItemKind!.Value, byPosition[2].UsesChange!.Value, byPosition[2].UsesLeft!.Value, byPosition[2].Amount, byPosition[2].StoredValueAfter));
        Assert.Equal((RecordItemKind.TimesCard, timesCard, -2, 8, 0L), (byPosition[3].ItemKind!.Value, byPosition[3].ItemId!.Value, byPosition[3].UsesChange!.Value, byPosition[3].UsesLeft!.Value, byPosition[3].StoredValueChange));
        var paid = byPosition[4];
        Assert.Equal(
            (RedemptionMode.Coupon, RedemptionChannel.StaffWriteOff, 6_000L, 1_000L, 500L, -4_000L, -500L, 6_000L, 500L, RecordItemKind.Coupon, coupon, payment),
            (paid.Mode!.Value, paid.Channel!.Value, paid.Amount, paid.CouponDiscount, paid.PaidOutside, paid.PrincipalChange, paid.BonusChange, paid.PrincipalAfter, paid.BonusAfter, paid.ItemKind!.Value, paid.ItemId!.Value, paid.RedemptionId!.Value));
        var reversed = byPosition[5];
        Assert.Equal((4_500L, 4_000L, 500L, 11_000L, true, "Wrong table", payment), (reversed.Amount, reversed.PrincipalChange, reversed.BonusChange, reversed.StoredValueAfter, reversed.CouponRestored, reversed.Reason, reversed.RedemptionId!.Value));

        // An issuance leaves stored value as the wallet's previous record did, at that merchant only.
        Assert.Equal((10_000L, 1_000L, RecordItemKind.Coupon), (byPosition[6].PrincipalAfter, byPosition[6].BonusAfter, byPosition[6].ItemKind!.Value));
    }

    [Fact]
    public async Task Apply_WhenEventsAreReplayed_KeepsOneUnchangedEntryEach()
    {
        await using var stores = await Stores.CreateAsync(mode, _merchantA, _merchantB);
        var issued = CardIssuedEvent(_merchantA, _alice, Guid.NewGuid(), CardKind.MembershipCard, "Gold", 50_000, null, Start.AddMinutes(1));
        await stores.ApplyAsync(1, Recharged(_merchantA, _alice, 3_000, 0, 3_000, 0, Start));
        await stores.ApplyAsync(2, issued);
        await stores.ApplyAsync(3, Recharged(_merchantA, _alice, 4_000, 0, 7_000, 0, Start.AddMinutes(2)));
        var before = await stores.Records.ListAsync(RecordOwner.Customer(_alice), RecordFilter.All, long.MaxValue, 100, CancellationToken.None);

        // At-least-once delivery: the same positions again, in any order, after later ones.
        await stores.ApplyAsync(2, issued);
        await stores.ApplyAsync(1, Recharged(_merchantA, _alice, 3_000, 0, 3_000, 0, Start));
        await stores.ApplyAsync(3, Recharged(_merchantA, _alice, 4_000, 0, 7_000, 0, Start.AddMinutes(2)));

        var after = await stores.Records.ListAsync(RecordOwner.Customer(_alice), RecordFilter.All, long.MaxValue, 100, CancellationToken.None);
        Assert.Equal(3, after.Count);
        Assert.Equal(before, after);
        Assert.Equal(3_000L, after.Single(r => r.Position == 2).StoredValueAfter);
        Assert.Equal(before, await stores.Records.ListAsync(RecordOwner.Merchant(_merchantA), RecordFilter.All, long.MaxValue, 100, CancellationToken.None));
        Assert.Equal((7_000L, 0L), await stores.Records.GetBalanceAsync(_merchantA, _alice, CancellationToken.None));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(37)]
    public async Task List_When1000EntriesArePagedWithFilters_ReturnsExactlyTheMatchesOnceNewestFirst(int pageSize)
    {
        await using var stores = await Stores.CreateAsync(mode, _merchantA, _merchantB);
        var random = new Random(pageSize);
        for (var position = 1; position <= 1_000; position++)
        {
            var merchant = random.Next(2) == 0 ? _merchantA : _merchantB;
            var customer = random.Next(3) == 0 ? _bob : _alice;

            // Times follow positions, give or take the few seconds a transaction may take to commit.
            var at = Start.AddMinutes(position).AddSeconds(random.Next(-20, 20));
            IDomainEvent e = random.Next(4) switch
            {
                0 => Recharged(merchant, customer, position, 0, position, 0, at),
                1 => RedeemedEvent(merchant, customer, Guid.NewGuid(), RedemptionMode.StoredValue, position, position, 0, 0, 0, at),
                2 => CouponIssuedEvent(merchant, customer, Guid.NewGuid(), "Coupon", 0, at),
                _ => new RedemptionReversed(
                    Guid.NewGuid(), Guid.NewGuid(), new MerchantId(merchant), new UserId(customer), "139****0001", RedemptionMode.StoredValue,
                    position, 0, 0, null, null, null, false, null, "Refund", new UserId(Guid.NewGuid()), "CNY", position, 0, at),
            };
            await stores.ApplyAsync(position, e);
        }

        var everything = new List<RecordEntry>();
        foreach (var owner in new[] { RecordOwner.Customer(_alice), RecordOwner.Customer(_bob) })
        {
            everything.AddRange(await PageAllAsync(stores.Records, owner, RecordFilter.All, pageSize));
        }

        Assert.Equal(Enumerable.Range(1, 1_000).Select(p => (long)p), everything.Select(r => r.Position).Order());

        var filters = new[]
        {
            RecordFilter.All,
            new RecordFilter([RecordKind.Redemption, RecordKind.Reversal]),
            new RecordFilter([RecordKind.Issuance], _merchantB),
            new RecordFilter([], _merchantA, Start.AddMinutes(200), Start.AddMinutes(700)),
            new RecordFilter([RecordKind.Recharge], null, Start.AddMinutes(950)),
            new RecordFilter([], null, null, Start.AddMinutes(30)),
        };
        foreach (var filter in filters)
        {
            var matched = 0;
            foreach (var owner in new[] { RecordOwner.Customer(_alice), RecordOwner.Merchant(_merchantA), RecordOwner.Merchant(_merchantB) })
            {
                var expected = everything
                    .Where(r => owner.Side == RecordSide.Customer ? r.CustomerId == owner.Id : r.MerchantId == owner.Id)
                    .Where(filter.Matches)
                    .OrderByDescending(r => r.Position)
                    .ToList();
                Assert.Equal(expected, await PageAllAsync(stores.Records, owner, filter, pageSize));
                matched += expected.Count;
            }

            Assert.True(matched > 0, $"{filter} matched nothing");
        }
    }

    [Fact]
    public async Task List_WhenNewEntriesArriveBetweenPages_TheyAppearAtTheHeadAndOlderPagesStayStable()
    {
        await using var stores = await Stores.CreateAsync(mode, _merchantA, _merchantB);
        for (var position = 1; position <= 300; position++)
        {
            await stores.ApplyAsync(position, Recharged(_merchantA, _alice, position, 0, position, 0, Start.AddMinutes(position)));
        }

        var seen = new List<long>();
        var before = long.MaxValue;
        var next = 301;
        while (true)
        {
            var page = await stores.Records.ListAsync(RecordOwner.Merchant(_merchantA), RecordFilter.All, before, 37 + 1, CancellationToken.None);
            seen.AddRange(page.Take(37).Select(r => r.Position));
            if (page.Count <= 37)
            {
                break;
            }

            before = page[36].Position;
            for (var i = 0; i < 5; i++, next++)
            {
                await stores.ApplyAsync(next, Recharged(_merchantA, _alice, next, 0, next, 0, Start.AddMinutes(next)));
            }
        }

        Assert.Equal(Enumerable.Range(1, 300).Reverse().Select(p => (long)p), seen);
        var head = await stores.Records.ListAsync(RecordOwner.Merchant(_merchantA), RecordFilter.All, long.MaxValue, 1, CancellationToken.None);
        Assert.Equal(next - 1, head.Single().Position);
    }

    [Fact]
    public async Task List_WhenAFilterMatchesLittle_StopsAfterTheScanLimitAndResumesBelowWithoutGapsOrRepeats()
    {
        await using var stores = await Stores.CreateAsync(mode, _merchantA, _merchantB);
        var total = RecordList.MaxExamined + 500;
        for (var position = 1; position <= total; position++)
        {
            // Positions 250, 1,250 and 2,250 are at merchant B: the filter matches 3 of 2,500.
            var merchant = position % 1_000 == 250 ? _merchantB : _merchantA;
            await stores.ApplyAsync(position, Recharged(merchant, _alice, position, 0, position, 0, Start.AddMinutes(position)));
        }

        var owner = RecordOwner.Customer(_alice);
        var filter = new RecordFilter([], MerchantId: _merchantB);
        var first = await RecordPage.LoadAsync(stores.Records, owner, filter, null, 10, CancellationToken.None);
        Assert.Equal([2_250L, 1_250L], first.Items.Select(r => r.Position));
        Assert.True(first.HasNextPage);
        Assert.Equal(total - RecordList.MaxExamined + 1, first.ResumeBelow);

        var second = await RecordPage.LoadAsync(stores.Records, owner, filter, RecordCursor.Format(first.ResumeBelow!.Value), 10, CancellationToken.None);
        Assert.Equal([250L], second.Items.Select(r => r.Position));
        Assert.False(second.HasNextPage);
        Assert.Null(second.ResumeBelow);
    }

    private static async Task<List<RecordEntry>> PageAllAsync(IRecordStore records, RecordOwner owner, RecordFilter filter, int pageSize)
    {
        var all = new List<RecordEntry>();
        var before = long.MaxValue;
        while (true)
        {
            var page = await records.ListAsync(owner, filter, before, pageSize + 1, CancellationToken.None);
            all.AddRange(page.Take(pageSize));
            if (page.Count <= pageSize)
            {
                return all;
            }

            before = page[pageSize - 1].Position;
        }
    }

    private static StoredValueRecharged Recharged(Guid merchant, Guid customer, long amount, long bonus, long principalAfter, long bonusAfter, DateTimeOffset at) =>
        new(Guid.NewGuid(), new MerchantId(merchant), new UserId(customer), "139****0001", amount, bonus, "CNY", principalAfter, bonusAfter, null, at);

    private static Redeemed RedeemedEvent(
        Guid merchant, Guid customer, Guid redemptionId, RedemptionMode mode, long bill, long fromPrincipal, long fromBonus, long principalAfter, long bonusAfter, DateTimeOffset at) =>
        new(redemptionId, new MerchantId(merchant), new UserId(customer), "139****0001", mode, RedemptionChannel.CustomerScan, new UserId(customer), bill,
            null, 0, null, 0, null, 0, null, null, fromPrincipal, fromBonus, 0, "CNY", principalAfter, bonusAfter, at);

    private static CardIssued CardIssuedEvent(Guid merchant, Guid customer, Guid cardId, CardKind kind, string name, long paid, int? uses, DateTimeOffset at) =>
        new(cardId, new MerchantId(merchant), new UserId(customer), Guid.NewGuid(), kind, name, uses, kind == CardKind.MembershipCard ? 8_800 : null,
            at, at.AddYears(1), IssueSource.Counter, null, null, at, "139****0001", paid, "CNY");

    private static CouponIssued CouponIssuedEvent(Guid merchant, Guid customer, Guid couponId, string name, long paid, DateTimeOffset at) =>
        new(couponId, new MerchantId(merchant), new UserId(customer), Guid.NewGuid(), name, new CouponTerms(CouponKind.CashOff, 1_000, 0, 0, 0, null),
            at, at.AddDays(30), IssueSource.Counter, null, null, at, "139****0001", paid, "CNY");

    /// <summary>The records store under test, a read store knowing the two merchants' names, and the projection over both.</summary>
    private sealed class Stores : IAsyncDisposable
    {
        private readonly IConnectionMultiplexer? _redis;
        private readonly RecordsProjection _projection;

        private Stores(IRecordStore records, IConnectionMultiplexer? redis, IReadModelStore readModels)
        {
            Records = records;
            _redis = redis;
            _projection = new RecordsProjection(records, readModels);
        }

        public IRecordStore Records { get; }

        public static async Task<Stores> CreateAsync(StoreMode mode, Guid merchantA, Guid merchantB)
        {
            var readModels = new InMemoryReadModelStore();
            await readModels.PutMerchantAsync(new MerchantView(merchantA, Guid.NewGuid(), "Tea House A", Locales.ZhCn, "CNY", "Approved", "A", 1), CancellationToken.None);
            await readModels.PutMerchantAsync(new MerchantView(merchantB, Guid.NewGuid(), "Tea House B", Locales.ZhCn, "CNY", "Approved", "B", 1), CancellationToken.None);
            if (mode == StoreMode.Embedded)
            {
                return new Stores(new InMemoryRecordStore(), null, readModels);
            }

            var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.RedisOf(mode));
            var keys = new RedisKeys("cs_" + Guid.NewGuid().ToString("N")[..16] + ":");

            // No projector holds the lease here: the generation's fence is set as a lease holder's acquisition would.
            await redis.GetDatabase().StringSetAsync(keys.FenceOf(0), 0);
            return new Stores(new RedisRecordStore(redis, keys, new ProjectorFence(keys)), redis, readModels);
        }

        public Task ApplyAsync(long position, IDomainEvent e) =>
            _projection.ApplyAsync(new EventEnvelope(position, e, e.OccurredAt), CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }
    }
}

public sealed class EmbeddedRecordsProjectionTests() : RecordsProjectionTests(StoreMode.Embedded);

public sealed class MariaDbRecordsProjectionTests() : RecordsProjectionTests(StoreMode.MariaDbRedis);
