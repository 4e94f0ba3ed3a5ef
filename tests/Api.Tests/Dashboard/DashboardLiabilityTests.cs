using System.Text.Json.Nodes;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// Issue 12 point 8: beside the sales, the dashboard shows an analyst the merchant's liability with its aging and
/// breakage, and its top coupons, in headless Chromium; every number of those panels (each bucket's bar and its
/// parts, every cell of the liability table, every cell of the coupon ranking in both orders) is the number the API
/// returns to the same analyst for the same question.
/// </summary>
public abstract class DashboardLiabilityTests(StoreMode mode)
{
    [Fact]
    public async Task Dashboard_ForAnAnalyst_ShowsTheLiabilityByAgeAndTheTopCouponsExactlyAsTheApiReportsThem()
    {
        var (host, merchant, analyst) = await DashboardLiabilitySeed.StartAsync(mode);
        await using var _ = host;

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/dashboard"));
        await browser.SelectAsync("#language", "en-US");
        await browser.SignInAsync(host, analyst);
        var page = await browser.WaitForDashboardAsync(
            p => p.Panel("liability")?.State == "ready" && p.Panel("coupons")?.State == "ready", "the liability and coupon panels");
        var token = await host.SignInAsync(analyst);

        // Liability: something in every bucket and in breakage, all of it as the API says.
        var liability = (await host.GraphQLAsync(token, DashboardLiabilityExpectations.Query, new { m = merchant.MerchantId })).Data("merchantLiability");
        DashboardLiabilityExpectations.AssertMatches(page.Liability, liability);
        Assert.Equal(DashboardLiabilitySeed.Zone, liability["timeZone"]!.GetValue<string>());
        Assert.All(page.Liability!.Bars, bar => Assert.True(bar.TotalMinorUnits > 0, $"Nothing owed {bar.FromDays} days on: the seed missed a bucket."));
        Assert.Equal(["0–30 days", "31–90 days", "91–180 days", "181–365 days", "Over 365 days"], page.Liability.XLabels);
        Assert.Equal(2L, Cell(page.Liability, "coupons.count", "breakage").Item1);
        Assert.Equal("5.00 CNY", Cell(page.Liability, "coupons.deferredRevenue", "breakage").Item2);
        Assert.Equal("75.00 CNY", Cell(page.Liability, "timesCards.value", "aging-91").Item2);
        Assert.Equal("500.00 CNY", Cell(page.Liability, "membershipCards.deferredRevenue", "aging-31").Item2);
        Assert.Contains(Cell(page.Liability, "total", "outstanding").Item2, page.Liability.Summary, StringComparison.Ordinal);

        // Top coupons over the same 30 days, by payments, then by redemption rate once the analyst asks for it.
        var (from, to) = (page.Range!.From, page.Range.To);
        var byRedeemed = await PerformanceAsync(host, token, merchant.MerchantId, from, to, "REDEEMED");
        DashboardCouponExpectations.AssertMatches(page.Coupons, byRedeemed, "REDEEMED");
        var welcome = page.Coupons!.Rows[0];
        Assert.Equal(("Welcome 10 off", "2", "3", "66.67%"), (welcome.Cell("name").Text, welcome.Cell("redeemed").Text, welcome.Cell("issued").Text, welcome.Cell("redemptionRate").Text));
        Assert.EndsWith(" h", welcome.Cell("medianMinutesToRedeem").Text, StringComparison.Ordinal);
        Assert.Equal("70.00 CNY", welcome.Cell("bill").Text);
        var expired = page.Coupons.Rows.Single(row => row.Cell("name").Text == "Old 10 off");
        Assert.Equal(("1", "—"), (expired.Cell("expired").Text, expired.Cell("redemptionRate").Text));
        Assert.DoesNotContain(page.Coupons.Rows, row => row.Cell("name").Text is "4 washes" or "Gold member");

        await browser.SelectAsync("#coupons-order", "REDEMPTION_RATE");
        var byRate = await browser.WaitForDashboardAsync(p => p.Coupons?.Order == "REDEMPTION_RATE", "the coupons ranked by rate");
        DashboardCouponExpectations.AssertMatches(byRate.Coupons, await PerformanceAsync(host, token, merchant.MerchantId, from, to, "REDEMPTION_RATE"), "REDEMPTION_RATE");
        Assert.Equal(["Welcome 10 off", "5 off"], byRate.Coupons!.Rows.Take(2).Select(row => row.Cell("name").Text));
        DashboardPage.AssertNoPageFaults(byRate);

        // The language switch redraws the same figures in Chinese.
        await browser.SelectAsync("#language", "zh-CN");
        var chinese = await browser.DashboardAsync();
        Assert.Equal("待履约余额及账龄", chinese.Panel("liability")!.Heading);
        Assert.Equal("365 天以上", chinese.Liability!.XLabels[^1]);
        Assert.Equal(
            page.Liability.Rows.SelectMany(row => row.Cells.Select(cell => (row.Figure, cell.Column, cell.Value, cell.Text))),
            chinese.Liability.Rows.SelectMany(row => row.Cells.Select(cell => (row.Figure, cell.Column, cell.Value, cell.Text))));
        Assert.Equal("REDEMPTION_RATE", chinese.Coupons!.Order);
    }

    private static (long, string) Cell(DashboardLiability liability, string figure, string column)
    {
        var cell = liability.Rows.Single(row => row.Figure == figure).Cells.Single(c => c.Column == column);
        return (cell.Value, cell.Text);
    }

    internal static async Task<JsonObject> PerformanceAsync(CodeScanHost host, string token, string merchantId, string from, string to, string order) =>
        (await host.GraphQLAsync(token, DashboardCouponExpectations.Query, new { m = merchantId, from, to, o = order })).Data("merchantInstrumentPerformance");
}

public sealed class EmbeddedDashboardLiabilityTests() : DashboardLiabilityTests(StoreMode.Embedded);

public sealed class MariaDbDashboardLiabilityTests() : DashboardLiabilityTests(StoreMode.MariaDbRedis);
