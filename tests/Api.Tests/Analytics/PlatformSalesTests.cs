using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.Analytics;
using static CodeScan.Api.Tests.Analytics.PlatformCalls;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, sales for the platform: the platform's report in a currency is, day by day, the sum of the reports
/// of the merchants trading in it, each sale on its merchant's own local day (two merchants in zones a day
/// apart); another currency's sales never join it; a rebuild gives the same figures.
/// </summary>
public abstract class PlatformSalesTests(StoreMode mode)
{
    [Fact]
    public async Task PlatformSales_DayByDay_AreTheSumOfTheMerchantsReportsInTheirCurrency_AndARebuild()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var shanghai = await MerchantScenario.ApprovedAsync(host);
        var losAngeles = await MerchantScenario.ApprovedAsync(host);
        Assert.Empty((await losAngeles.SetTimeZoneAsync("America/Los_Angeles")).ErrorCodes());
        var dollars = await MerchantScenario.ApprovedAsync(host, "EN_US", "USD");
        await FlowAsync(host, shanghai, 3_000);
        await FlowAsync(host, losAngeles, 3_500);
        await FlowAsync(host, dollars, 700);
        await host.WaitForProjectionsAsync();
        var (_, analyst) = await host.NewPlatformAnalystAsync();
        var today = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");
        var (from, to) = (today.AddDays(-2), today.AddDays(1));

        var platform = (await host.PlatformSalesResponseAsync(analyst, from, to)).Data("platformSales");
        var a = await shanghai.SalesAsync(from, to);
        var b = await losAngeles.SalesAsync(from, to);
        Assert.Equal("CNY", platform["currency"]!.GetValue<string>());
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            Assert.Equal(Add(Figures(a.Day(day)), Figures(b.Day(day))), Figures(platform.Day(day)));
        }

        var total = Figures(platform["total"]!);
        Assert.Equal(Add(Figures(a["total"]!), Figures(b["total"]!)), total);
        Assert.Equal(2 * 3, total[0]);
        Assert.Equal(2 * 10_000, total[4]);

        var inDollars = (await host.PlatformSalesResponseAsync(analyst, from, to, "WEEK", "USD")).Data("platformSales");
        Assert.Equal(Figures((await dollars.SalesAsync(from, to))["total"]!), Figures(inDollars["total"]!));
        Assert.Equal(("USD", 10_000L), (inDollars["total"]!["net"]!["currency"]!.GetValue<string>(), inDollars["total"]!.Minor("recharges", "principal")));

        await SalesRebuild.AssertLiveEqualsRebuildAsync(host, [PlatformScope.Of("CNY"), PlatformScope.Of("USD")], from, to);
    }

    [Theory]
    [InlineData("XXX", "DAY", 1, "The platform trades in CNY, HKD, USD, EUR, JPY; 'XXX' is not one of them.")]
    [InlineData("cny", "DAY", 1, "The platform trades in CNY, HKD, USD, EUR, JPY; 'cny' is not one of them.")]
    [InlineData("CNY", "DAY", 367, "A DAY report covers at most 366 days; this range has 367.")]
    [InlineData("CNY", "MONTH", -1, "'from' must not be later than 'to'.")]
    public async Task PlatformSales_WithAnUnknownCurrencyOrABadRange_IsRefusedClearly(string currency, string granularity, int days, string message)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var (_, analyst) = await host.NewPlatformAnalystAsync();
        var from = new DateOnly(2026, 1, 1);

        var refused = await host.PlatformSalesResponseAsync(analyst, from, from.AddDays(days - 1), granularity, currency);

        Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
        Assert.Equal(message, refused.ErrorMessages());
        Assert.Null(refused["data"]!["platformSales"]);
    }

    /// <summary>A customer recharged 100.00 with 20.00 bonus pays twice; the first payment is reversed in part.</summary>
    private static async Task FlowAsync(CodeScanHost host, MerchantScenario merchant, long amount)
    {
        var phone = Phones.Next();
        var token = await host.SignInAsync(phone);
        Assert.Empty((await merchant.RechargeAsync(phone, 10_000, bonus: 2_000)).Data("rechargeAtCounter").ErrorCodes());
        var paid = (await merchant.RedeemStoredValueAsync(token, amount))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.RedeemStoredValueAsync(token, amount * 2)).ErrorCodes());
        Assert.Empty((await merchant.RedeemStoredValueAsync(token, 100)).ErrorCodes());
        Assert.Empty((await merchant.ReverseAsync(paid, amount: amount / 3)).ErrorCodes());
    }

    /// <summary>Count, bill, from principal, from bonus, recharged principal and bonus, reversals, refunded principal, net.</summary>
    private static long[] Figures(JsonNode period) =>
    [
        period.Count("payments"), period.Minor("payments", "bill"), period.Minor("payments", "fromPrincipal"), period.Minor("payments", "fromBonus"),
        period.Minor("recharges", "principal"), period.Minor("recharges", "bonus"),
        period.Count("reversals"), period.Minor("reversals", "principal"), period["net"]!["minorUnits"]!.GetValue<long>(),
    ];

    private static long[] Add(long[] a, long[] b) => [.. a.Zip(b, (x, y) => x + y)];
}

public sealed class EmbeddedPlatformSalesTests() : PlatformSalesTests(StoreMode.Embedded);

public sealed class MariaDbPlatformSalesTests() : PlatformSalesTests(StoreMode.MariaDbRedis);
