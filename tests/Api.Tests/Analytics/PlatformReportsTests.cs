using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.PlatformReportCalls;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, coupon and card performance and customers for the platform: after a flow of every kind at two merchants
/// in zones a day apart and one trading in dollars, the platform's row of each kind is the sum of the merchants' rows
/// of that kind, and its customers are theirs counted once (a customer who paid at both is one customer, and a repeat
/// one); another currency never joins; a rebuild from the event log gives the same reports.
/// </summary>
public abstract class PlatformReportsTests(StoreMode mode)
{
    private static readonly string[] Kinds = ["COUPON", "TIMES_CARD", "MEMBERSHIP_CARD"];

    [Fact]
    public async Task PlatformPerformanceAndCustomers_AreTheMerchantsAddedUp_CustomersCountedOnce_AndARebuild()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var shanghai = await MerchantScenario.ApprovedAsync(host);
        var losAngeles = await MerchantScenario.ApprovedAsync(host);
        Assert.Empty((await losAngeles.SetTimeZoneAsync("America/Los_Angeles")).ErrorCodes());
        var dollars = await MerchantScenario.ApprovedAsync(host, "EN_US", "USD");
        var from = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai").AddDays(-1);
        foreach (var merchant in new[] { shanghai, losAngeles, dollars })
        {
            await PerformanceTotalsTests.FlowAsync(host, merchant);
        }

        var both = Phones.Next();
        var bothToken = await host.SignInAsync(both);
        foreach (var merchant in new[] { shanghai, losAngeles })
        {
            Assert.Empty((await merchant.RechargeAsync(both, 5_000)).Data("rechargeAtCounter").ErrorCodes());
            Assert.Empty((await merchant.RedeemStoredValueAsync(bothToken, 1_234)).ErrorCodes());
        }

        await host.WaitForProjectionsAsync();
        var to = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");
        var (_, analyst) = await host.NewPlatformAnalystAsync();

        var platform = (await host.PlatformPerformanceResponseAsync(analyst, from, to)).Data("platformInstrumentPerformance");
        var merchants = new[] { await shanghai.PerformanceAsync(from, to), await losAngeles.PerformanceAsync(from, to) };
        Assert.Equal(("CNY", "Asia/Shanghai"), (platform["currency"]!.GetValue<string>(), platform["timeZone"]!.GetValue<string>()));
        Assert.Equal(Kinds, platform["kinds"]!.AsArray().Select(k => k!["kind"]!.GetValue<string>()));
        foreach (var kind in Kinds)
        {
            Assert.Equal(SumOfKind(merchants, kind), Additive(platform.Kind(kind)));
        }

        var coupons = platform.Kind("COUPON");
        Assert.Equal((6, 6, 0.6667), (coupons["issued"]!.Int("total"), coupons.Int("redeemed"), coupons["redemptionRate"]!.GetValue<double>()));
        Assert.Equal(0.5, coupons["medianMinutesToRedeem"]!.GetValue<double>());
        Assert.Null(platform.Kind("MEMBERSHIP_CARD")["redemptionRate"]);
        var inDollars = (await host.PlatformPerformanceResponseAsync(analyst, from, to, "USD")).Data("platformInstrumentPerformance");
        var dollarItems = await dollars.PerformanceAsync(from, to);
        Assert.All(Kinds, kind => Assert.Equal(SumOfKind([dollarItems], kind), Additive(inDollars.Kind(kind))));
        Assert.Equal("USD", inDollars.Kind("COUPON")["bill"]!["currency"]!.GetValue<string>());

        var a = (await shanghai.CustomersAsync(from, to))["total"]!;
        var b = (await losAngeles.CustomersAsync(from, to))["total"]!;
        var customers = (await host.PlatformCustomersResponseAsync(analyst, from, to)).Data("platformCustomers");
        var total = customers["total"]!;
        Assert.Equal((3, 3, 0, 2), (a.Int("active"), a.Int("new"), a.Int("returning"), a.Int("repeat")));
        Assert.Equal((5, 5, 0, 5, a.Int("payments") + b.Int("payments")), total.Counts());
        Assert.Equal(a.Minor("bill") + b.Minor("bill"), total.Minor("bill"));
        Assert.Equal((long)Math.Round((decimal)total.Minor("bill") / total.Int("payments"), MidpointRounding.AwayFromZero), total.Minor("averageTicket"));
        Assert.Equal(1.0, total["repeatRate"]!.GetValue<double>());
        Assert.Equal(a.Int("payments") + b.Int("payments"), customers["periods"]!.AsArray().Sum(p => p!.Int("payments")));
        foreach (var granularity in new[] { "WEEK", "MONTH" })
        {
            Assert.Equal(total.ToJsonString(), (await host.PlatformCustomersResponseAsync(analyst, from, to, granularity)).Data("platformCustomers")["total"]!.ToJsonString());
        }

        var usd = (await host.PlatformCustomersResponseAsync(analyst, from, to, currency: "USD")).Data("platformCustomers")["total"]!;
        Assert.Equal((await dollars.CustomersAsync(from, to))["total"]!.ToJsonString(), usd.ToJsonString());

        var ids = new[] { shanghai, losAngeles, dollars }.Select(m => GlobalId.ToMerchantId(m.MerchantId).Value).ToList();
        await AnalyticsRebuild.AssertLiveEqualsRebuildAsync(host, ids, from, to);
    }

    [Theory]
    [InlineData("platformInstrumentPerformance", "XXX", 1, "The platform trades in CNY, HKD, USD, EUR, JPY; 'XXX' is not one of them.")]
    [InlineData("platformInstrumentPerformance", "CNY", 367, "A performance report covers at most 366 days; this range has 367.")]
    [InlineData("platformInstrumentPerformance", "CNY", -1, "'from' must not be later than 'to'.")]
    [InlineData("platformCustomers", "usd", 1, "The platform trades in CNY, HKD, USD, EUR, JPY; 'usd' is not one of them.")]
    [InlineData("platformCustomers", "CNY", 367, "A DAY customer report covers at most 366 days; this range has 367.")]
    [InlineData("platformCustomers", "CNY", 0, "'from' must not be later than 'to'.")]
    public async Task PlatformReports_WithAnUnknownCurrencyOrABadRange_AreRefusedClearly(string field, string currency, int days, string message)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var (_, analyst) = await host.NewPlatformAnalystAsync();
        var from = new DateOnly(2026, 1, 1);
        var to = from.AddDays(days - 1);

        var refused = field == "platformCustomers"
            ? await host.PlatformCustomersResponseAsync(analyst, from, to, currency: currency)
            : await host.PlatformPerformanceResponseAsync(analyst, from, to, currency);

        Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
        Assert.Equal(message, refused.ErrorMessages());
        Assert.Null(refused["data"]![field]);
    }

    /// <summary>The additive figures of every row of a kind in the merchants' reports, added up.</summary>
    private static long[] SumOfKind(IEnumerable<JsonObject> reports, string kind) =>
        reports.SelectMany(r => r["items"]!.AsArray()).Where(i => i!["kind"]!.GetValue<string>() == kind)
            .Select(i => Additive(i!)).Aggregate(new long[13], (sum, row) => [.. sum.Zip(row, (x, y) => x + y)]);
}

public sealed class EmbeddedPlatformReportsTests() : PlatformReportsTests(StoreMode.Embedded);

public sealed class MariaDbPlatformReportsTests() : PlatformReportsTests(StoreMode.MariaDbRedis);
