using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, expiry and aging: value moves between aging buckets and from liability to breakage on the right
/// local day of the merchant's zone, with no event to say so; a past day reads as it was. The clock is a
/// FakeTimeProvider moved by days; nothing waits for time to pass.
/// </summary>
public abstract class LiabilityExpiryTests(StoreMode mode)
{
    private const string Zone = "America/New_York";

    [Fact]
    public async Task Liability_AsDaysPass_AgesStoredValueFifoAndMovesExpiredInstrumentsToBreakageOnTheLocalDay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var day = LocalDate(clock.GetUtcNow(), Zone).AddDays(1);

        // 23:30 in New York is already the next day in Shanghai (and in UTC).
        clock.SetUtcNow(StartOf(day.AddDays(1), Zone).AddMinutes(-30));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        Assert.Empty((await merchant.SetTimeZoneAsync(Zone)).ErrorCodes());
        var phone = Phones.Next();
        Assert.Empty((await merchant.RechargeAsync(phone, 10_000, bonus: 1_000)).Data("rechargeAtCounter").ErrorCodes());
        await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 1_000L }, "10 off", price: 500); // 30 days: ends 23:30 on day + 30
        var card = await merchant.GiveTimesCardAsync(phone, uses: 4, price: 10_000); // 365 days
        Assert.Empty((await merchant.RedeemTimesCardAsync(await host.SignInAsync(phone), card, uses: 1)).ErrorCodes());

        // Day + 40: a payment takes the oldest stored value first; a new recharge is young.
        clock.Advance(TimeSpan.FromDays(40));
        var owner = await host.SignInAsync(merchant.OwnerPhone);
        Assert.Empty((await merchant.RedeemStoredValueAsync(await host.SignInAsync(phone), 3_000)).ErrorCodes());
        Assert.Empty((await host.GraphQLAsync(owner, Gql.RechargeAtCounter, new
        {
            input = new { merchantId = merchant.MerchantId, customerPhone = phone, amount = 2_000L, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("rechargeAtCounter").ErrorCodes());
        await host.WaitForProjectionsAsync();

        var lastDayOfCoupon = await merchant.LiabilityAsync(day.AddDays(29), owner);
        Assert.Equal((1, 1_000L, 500L), (lastDayOfCoupon["outstanding"]!.Number("coupons", "count"), lastDayOfCoupon["outstanding"]!.Minor("coupons", "faceValue"), lastDayOfCoupon["outstanding"]!.Minor("coupons", "deferredRevenue")));
        Assert.Equal(0, lastDayOfCoupon["breakage"]!.Number("coupons", "count"));
        Assert.Equal((10_000L, 1_000L), (lastDayOfCoupon.Bucket(0).Minor("storedValue", "principal"), lastDayOfCoupon.Bucket(0).Minor("storedValue", "bonus")));

        var expired = await merchant.LiabilityAsync(day.AddDays(30), owner);
        Assert.Equal(0, expired["outstanding"]!.Number("coupons", "count"));
        Assert.Equal((1, 1_000L, 500L), (expired["breakage"]!.Number("coupons", "count"), expired["breakage"]!.Minor("coupons", "faceValue"), expired["breakage"]!.Minor("coupons", "deferredRevenue")));

        var aged = await merchant.LiabilityAsync(day.AddDays(31), owner);
        Assert.Equal((0L, 10_000L, 1_000L), (aged.Bucket(0).Minor("storedValue", "total"), aged.Bucket(31).Minor("storedValue", "principal"), aged.Bucket(31).Minor("storedValue", "bonus")));
        Assert.Equal((1, 3, 7_500L), (aged.Bucket(31).Number("timesCards", "cards"), aged.Bucket(31).Number("timesCards", "uses"), aged.Bucket(31).Minor("timesCards", "value")));

        var today = await merchant.LiabilityAsync(token: owner);
        Assert.Equal(Iso(day.AddDays(40)), today["asOf"]!.GetValue<string>());
        Assert.Equal((2_000L, 7_000L, 1_000L), (today.Bucket(0).Minor("storedValue", "principal"), today.Bucket(31).Minor("storedValue", "principal"), today.Bucket(31).Minor("storedValue", "bonus")));
        await merchant.AssertAgreesWithTheLedgerAsync(today);

        // Day + 366: the card (365 days) has expired with 3 uses unused; the first recharge is over a year old.
        clock.Advance(TimeSpan.FromDays(326));
        owner = await host.SignInAsync(merchant.OwnerPhone);
        var endOfCard = await merchant.LiabilityAsync(day.AddDays(365), owner);
        Assert.Equal((1, 3, 7_500L), (endOfCard["breakage"]!.Number("timesCards", "cards"), endOfCard["breakage"]!.Number("timesCards", "uses"), endOfCard["breakage"]!.Minor("timesCards", "value")));
        Assert.Equal(0, endOfCard["outstanding"]!.Number("timesCards", "uses"));
        Assert.Equal(3, (await merchant.LiabilityAsync(day.AddDays(364), owner))["outstanding"]!.Number("timesCards", "uses"));

        var yearOn = await merchant.LiabilityAsync(token: owner);
        Assert.Equal((7_000L, 1_000L, 2_000L), (yearOn.Bucket(366).Minor("storedValue", "principal"), yearOn.Bucket(366).Minor("storedValue", "bonus"), yearOn.Bucket(181).Minor("storedValue", "principal")));
        Assert.Equal(8_000L, yearOn["breakage"]!["deferredRevenue"]!["minorUnits"]!.GetValue<long>());
        await merchant.AssertAgreesWithTheLedgerAsync(yearOn);
        await LiabilityRebuild.AssertLiveEqualsRebuildAsync(host, [GlobalId.ToMerchantId(merchant.MerchantId).Value]);
    }
}

public sealed class EmbeddedLiabilityExpiryTests() : LiabilityExpiryTests(StoreMode.Embedded);

public sealed class MariaDbLiabilityExpiryTests() : LiabilityExpiryTests(StoreMode.MariaDbRedis);
