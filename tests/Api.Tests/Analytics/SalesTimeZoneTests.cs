using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, time zones: a payment counts on the day it was made in the merchant's own zone. The clock is a
/// FakeTimeProvider set to a minute before local midnight and moved across it; nothing waits for time to pass.
/// </summary>
public abstract class SalesTimeZoneTests(StoreMode mode)
{
    [Fact]
    public async Task Sales_PaymentsAt2359AndAt0001ShanghaiTime_LandOnDifferentDays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var day = LocalDate(clock.GetUtcNow(), "Asia/Shanghai").AddDays(1);
        clock.SetUtcNow(StartOf(day.AddDays(1), "Asia/Shanghai").AddMinutes(-2));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 1_100)).ErrorCodes());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 2_200)).ErrorCodes());
        await host.WaitForProjectionsAsync();

        var sales = await merchant.SalesAsync(day, day.AddDays(1));
        Assert.Equal("Asia/Shanghai", sales["timeZone"]!.GetValue<string>());
        Assert.Equal((1, 1_100L, 1, 10_000L), (sales.Day(day).Count("payments"), sales.Day(day).Minor("payments", "bill"), sales.Day(day).Count("recharges"), sales.Day(day).Minor("recharges", "principal")));
        Assert.Equal((1, 2_200L, 0), (sales.Day(day.AddDays(1)).Count("payments"), sales.Day(day.AddDays(1)).Minor("payments", "bill"), sales.Day(day.AddDays(1)).Count("recharges")));
        Assert.Equal((2, 3_300L), (sales["total"]!.Count("payments"), sales["total"]!.Minor("payments", "bill")));
    }

    [Fact]
    public async Task Sales_ForAMerchantInNewYork_CountAroundNewYorkMidnightNotShanghais()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var day = LocalDate(clock.GetUtcNow(), "America/New_York").AddDays(1);
        clock.SetUtcNow(StartOf(day.AddDays(1), "America/New_York").AddMinutes(-2));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var set = await merchant.SetTimeZoneAsync("America/New_York");
        Assert.Empty(set.ErrorCodes());
        Assert.Equal("America/New_York", set["merchant"]!["timeZone"]!.GetValue<string>());
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        // 23:59 in New York is 12:59 the next day in Shanghai: both payments are on the same Shanghai day.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 1_100)).ErrorCodes());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 2_200)).ErrorCodes());
        Assert.Equal(LocalDate(clock.GetUtcNow().AddMinutes(-2), "Asia/Shanghai"), LocalDate(clock.GetUtcNow(), "Asia/Shanghai"));
        await host.WaitForProjectionsAsync();

        var sales = await merchant.SalesAsync(day, day.AddDays(1));
        Assert.Equal("America/New_York", sales["timeZone"]!.GetValue<string>());
        Assert.Equal((1, 1_100L), (sales.Day(day).Count("payments"), sales.Day(day).Minor("payments", "bill")));
        Assert.Equal((1, 2_200L), (sales.Day(day.AddDays(1)).Count("payments"), sales.Day(day.AddDays(1)).Minor("payments", "bill")));
        var merchantView = await host.GraphQLAsync(merchant.OwnerToken, "query($id: ID!) { merchant(id: $id) { timeZone } }", new { id = merchant.MerchantId });
        Assert.Equal("America/New_York", merchantView.Data("merchant")["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sales_WhenTheZoneChanges_DaysAlreadyCountedStayAndLaterOnesFollowTheNewZone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);

        // 00:30 UTC: already the next day in Shanghai (08:30), still the previous one in New York (19:30).
        var utcDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        clock.SetUtcNow(StartOf(utcDay, "UTC").AddMinutes(30));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 1_000)).ErrorCodes());
        Assert.Empty((await merchant.SetTimeZoneAsync("America/New_York")).ErrorCodes());
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 2_000)).ErrorCodes());
        await host.WaitForProjectionsAsync();

        var sales = await merchant.SalesAsync(utcDay.AddDays(-1), utcDay);
        Assert.Equal((1, 2_000L), (sales.Day(utcDay.AddDays(-1)).Count("payments"), sales.Day(utcDay.AddDays(-1)).Minor("payments", "bill")));
        Assert.Equal((1, 1_000L), (sales.Day(utcDay).Count("payments"), sales.Day(utcDay).Minor("payments", "bill")));
    }

    [Fact]
    public async Task SetMerchantTimeZone_WhenTheZoneIsUnknownOrNotIana_IsRefusedAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        foreach (var zone in new[] { "Mars/Olympus_Mons", "Eastern Standard Time", "", new string('x', 65) })
        {
            var refused = await merchant.SetTimeZoneAsync(zone);
            Assert.Equal(["INVALID_INPUT"], refused.ErrorCodes());
            Assert.Contains("not an IANA time zone id", refused["errors"]![0]!["message"]!.GetValue<string>());
            Assert.Equal(["input", "timeZone"], refused["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        }

        var view = await host.GraphQLAsync(merchant.OwnerToken, "query($id: ID!) { merchant(id: $id) { timeZone } }", new { id = merchant.MerchantId });
        Assert.Equal("Asia/Shanghai", view.Data("merchant")["timeZone"]!.GetValue<string>());
    }
}

public sealed class EmbeddedSalesTimeZoneTests() : SalesTimeZoneTests(StoreMode.Embedded);

public sealed class MariaDbSalesTimeZoneTests() : SalesTimeZoneTests(StoreMode.MariaDbRedis);
