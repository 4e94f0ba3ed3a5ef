using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, expiry and time zones: a coupon that expires unused counts as expired on the local day its expiry
/// passes, once it has passed, with no event; customers count on the local day they paid. The clock is a
/// FakeTimeProvider moved across the boundaries; nothing waits for time to pass.
/// </summary>
public abstract class PerformanceTimeTests(StoreMode mode)
{
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task Expired_ForAMerchantInNewYork_CountsOnTheLocalDayItsExpiryPassesAndOnlyOnceItHasPassed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var day = LocalDate(clock.GetUtcNow(), NewYork).AddDays(2);

        // 23:58 in New York the day before: the one-day coupons expire at 23:58 on `day`, 03:58 or 04:58 UTC the day after.
        clock.SetUtcNow(StartOf(day, NewYork).AddMinutes(-2));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        Assert.Empty((await merchant.SetTimeZoneAsync(NewYork)).ErrorCodes());
        var template = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 100L }, validityDays: 1, name: "One day"))["couponTemplate"]!["id"]!.GetValue<string>();
        var (alice, _) = await merchant.FundedCustomerAsync(10_000);
        var (bob, _) = await merchant.FundedCustomerAsync(10_000);
        var aliceCoupon = (await merchant.IssueAtCounterAsync(alice, new { couponTemplateId = template })).Id("instrument");
        Assert.Empty((await merchant.IssueAtCounterAsync(bob, new { couponTemplateId = template })).ErrorCodes());
        clock.Advance(TimeSpan.FromHours(2));
        var aliceToken = await host.SignInAsync(alice);
        Assert.Empty((await merchant.RedeemCouponAsync(aliceToken, aliceCoupon, 1_000)).ErrorCodes());
        await host.WaitForProjectionsAsync();

        async Task<(int Expired, double? Rate)> OneDayOn(DateOnly from, DateOnly to)
        {
            // Signed in again: the clock has moved past the last token's lifetime.
            var owner = await host.SignInAsync(merchant.OwnerPhone);
            var row = (await host.PerformanceResponseAsync(owner, merchant.MerchantId, from, to)).Data("merchantInstrumentPerformance").Item("One day");
            return (row.Int("expired"), row["redemptionRate"]?.GetValue<double>());
        }

        Assert.Equal((0, 0.5), await OneDayOn(day.AddDays(-1), day.AddDays(1)));
        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Equal((0, null), await OneDayOn(day, day));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(LocalDate(clock.GetUtcNow(), NewYork), day);
        Assert.NotEqual(LocalDate(clock.GetUtcNow(), "UTC"), day);
        Assert.Equal((1, null), await OneDayOn(day, day));
        Assert.Equal((0, 0.5), await OneDayOn(day.AddDays(-1), day.AddDays(-1)));
        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal((0, null), await OneDayOn(day.AddDays(1), day.AddDays(3)));
        Assert.Equal((1, 0.5), await OneDayOn(day.AddDays(-1), day.AddDays(3)));
        await AnalyticsRebuild.AssertLiveEqualsRebuildAsync(host, [GlobalId.ToMerchantId(merchant.MerchantId).Value], day.AddDays(-1), day);
    }

    [Fact]
    public async Task Customers_PaymentsAt2359AndAt0001ShanghaiTime_CountOnTheirOwnDays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var day = LocalDate(clock.GetUtcNow(), "Asia/Shanghai").AddDays(1);
        clock.SetUtcNow(StartOf(day.AddDays(1), "Asia/Shanghai").AddMinutes(-2));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, alice) = await merchant.FundedCustomerAsync(10_000);
        var (_, bob) = await merchant.FundedCustomerAsync(10_000);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty((await merchant.RedeemStoredValueAsync(alice, 1_000)).ErrorCodes());
        Assert.Empty((await merchant.RedeemStoredValueAsync(bob, 2_001)).ErrorCodes());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await merchant.RedeemStoredValueAsync(alice, 3_000)).ErrorCodes());
        Assert.Empty((await merchant.RedeemStoredValueAsync(alice, 4_000)).ErrorCodes());
        await host.WaitForProjectionsAsync();

        var report = await merchant.CustomersAsync(day, day.AddDays(1));
        var first = report["periods"]![0]!;
        var second = report["periods"]![1]!;
        Assert.Equal((2, 2, 0, 0, 2), first.Counts());
        Assert.Equal(1_501L, first.Minor("averageTicket"));
        Assert.Equal(0.0, first["repeatRate"]!.GetValue<double>());
        Assert.Equal((1, 0, 1, 1, 2), second.Counts());
        Assert.Equal((2, 2, 0, 1, 4), report["total"]!.Counts());
        Assert.Equal(0.5, report["total"]!["repeatRate"]!.GetValue<double>());
        Assert.Equal(10_001L, report["total"]!.Minor("bill"));

        var later = await merchant.CustomersAsync(day.AddDays(1), day.AddDays(3));
        Assert.Equal((1, 0, 1, 1, 2), later["total"]!.Counts());
        Assert.Null(later["periods"]![2]!["averageTicket"]);
        Assert.Null(later["periods"]![2]!["repeatRate"]);
        await AnalyticsRebuild.AssertLiveEqualsRebuildAsync(host, [GlobalId.ToMerchantId(merchant.MerchantId).Value], day, day.AddDays(1));
    }
}

public sealed class EmbeddedPerformanceTimeTests() : PerformanceTimeTests(StoreMode.Embedded);

public sealed class MariaDbPerformanceTimeTests() : PerformanceTimeTests(StoreMode.MariaDbRedis);
