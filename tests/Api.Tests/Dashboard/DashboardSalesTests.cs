using System.Globalization;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// Issue 12 point 8: the dashboard at /dashboard in headless Chromium shows the merchant's last 30 local days of
/// sales, and every number it shows (chart bars, the table per day, the totals) is the number the API returns for
/// the same query. Sales are seeded over several days with a FakeTimeProvider moved forward; nothing sleeps.
/// </summary>
public abstract class DashboardSalesTests(StoreMode mode)
{
    private const string Zone = "America/Los_Angeles";

    [Fact]
    public async Task Dashboard_IsServedWithItsModulesAndTheConsolesSecurityHeaders()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        var files = new[] { ("/dashboard", "text/html"), ("/dashboard/dashboard.css", "text/css") }
            .Concat(new[] { "dashboard", "session", "format", "texts", "svg-chart", "panel-host", "dashboard-panels", "dom", "sales-panel", "sales-texts",
                "liability-panel", "liability-texts", "coupons-panel", "coupons-texts" }
                .Select(module => ($"/dashboard/{module}.js", "text/javascript")));
        foreach (var (path, type) in files)
        {
            using var response = await host.Http.GetAsync(path);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';", policy, StringComparison.Ordinal);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(src|href)=""(http:|//)", text);
        }

        var page = await host.Http.GetStringAsync("/dashboard");
        Assert.Contains("<script type=\"module\" src=\"/dashboard/dashboard.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        using var missing = await host.Http.GetAsync("/dashboard/secrets.json");
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ForTheOwner_ShowsTheLast30LocalDaysExactlyAsTheApiReportsThem()
    {
        // Noon in Los Angeles four days ago, then two days ago, then yesterday; then the clock catches up with now.
        var today = LocalDate(DateTimeOffset.UtcNow, Zone);
        var clock = new FakeTimeProvider(StartOf(today.AddDays(-4), Zone).AddHours(12));
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        Assert.Empty((await merchant.SetTimeZoneAsync(Zone)).ErrorCodes());
        var phone = Phones.Next();
        Assert.Empty((await merchant.RechargeAsync(phone, 50_000, bonus: 5_000)).Data("rechargeAtCounter").ErrorCodes());
        await PayAsync(merchant, phone, 1_100, 2_200);
        clock.Advance(TimeSpan.FromDays(2));
        await PayAsync(merchant, phone, 4_500);
        clock.Advance(TimeSpan.FromDays(1));
        await PayAsync(merchant, phone, 705);
        clock.SetUtcNow(DateTimeOffset.UtcNow);
        await host.WaitForProjectionsAsync();

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/dashboard"));
        await browser.SignInAsync(host, merchant.OwnerPhone);
        var page = await browser.WaitForDashboardAsync(p => p.Panel("sales")?.State == "ready", "the sales panel");

        // The page asked for the merchant's last 30 days, today included, in the merchant's zone.
        var range = page.Range!;
        Assert.Equal(Zone, range.TimeZone);
        Assert.Contains(range.To, new[] { Iso(today), Iso(LocalDate(DateTimeOffset.UtcNow, Zone)) });
        Assert.Equal(Iso(DateOnly.ParseExact(range.To, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-29)), range.From);
        var owner = await host.SignInAsync(merchant.OwnerPhone); // the scenario's token expired on the moved clock
        AssertShowsWhatTheApiSays(page, await ApiSalesAsync(host, owner, merchant.MerchantId, range));

        // And those are the payments made, on the days they were made there.
        var to = DateOnly.ParseExact(range.To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bars = page.Bars.ToDictionary(bar => bar.Date);
        Assert.Equal((2, 3_300L), (bars[Iso(today.AddDays(-4))].Count, bars[Iso(today.AddDays(-4))].BillMinorUnits));
        Assert.Equal((1, 4_500L), (bars[Iso(today.AddDays(-2))].Count, bars[Iso(today.AddDays(-2))].BillMinorUnits));
        Assert.Equal((1, 705L), (bars[Iso(today.AddDays(-1))].Count, bars[Iso(today.AddDays(-1))].BillMinorUnits));
        Assert.Equal(27, page.Bars.Count(bar => bar.Count == 0 && bar.Height == 0));
        Assert.Equal($"{Iso(today.AddDays(-2))}: 1 payment, bill 45.00 CNY, net 45.00 CNY", bars[Iso(today.AddDays(-2))].Title);
        Assert.Equal("85.05 CNY", page.Totals.Single(f => f.Figure == "payments.bill").Text);
        Assert.Equal("50.00 CNY", page.Totals.Single(f => f.Figure == "recharges.bonus").Text);
        Assert.True(bars[Iso(today.AddDays(-2))].Height > bars[Iso(today.AddDays(-4))].Height);
        Assert.Contains("0.00", page.AxisLabels);
        Assert.Contains(to.ToString("MM-dd", CultureInfo.InvariantCulture), page.AxisLabels);
        Assert.Equal("/console", page.ConsoleLink);
        DashboardPage.AssertNoPageFaults(page);

        // The language switch redraws the same figures in the other language.
        await browser.SelectAsync("#language", "zh-CN");
        var chinese = await browser.DashboardAsync();
        Assert.Equal("近 30 天销售", chinese.Panel("sales")!.Heading);
        Assert.Equal(page.Totals.Select(f => (f.Figure, f.Value, f.Text)), chinese.Totals.Select(f => (f.Figure, f.Value, f.Text)));
        Assert.StartsWith($"{Iso(today.AddDays(-2))}：收款 1 笔", chinese.Bars.Single(bar => bar.Date == Iso(today.AddDays(-2))).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ForAMerchantWithNoSales_ShowsAnEmptyState()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/dashboard"));
        await browser.SignInAsync(host, merchant.OwnerPhone);
        var page = await browser.WaitForDashboardAsync(p => p.Panel("sales")?.State == "ready", "the sales panel");

        var api = await ApiSalesAsync(host, merchant.OwnerToken, merchant.MerchantId, page.Range!);
        Assert.Equal(0, api["total"]!["payments"]!["count"]!.GetValue<int>());
        Assert.Equal("true", page.Panel("sales")!.Empty);
        Assert.Equal("No sales, recharges or card and coupon issues in these 30 days.", page.SalesEmpty);
        Assert.Empty(page.Bars);
        Assert.Empty(page.Totals);

        // Nothing owed and no coupon template: the other panels say so too.
        var empty = await browser.WaitForDashboardAsync(p => p.Liability is not null && p.Coupons is not null, "the liability and coupon panels");
        Assert.Equal("No unspent stored value, times-card uses, coupons or membership cards, and nothing expired unused.", empty.Liability!.Empty);
        Assert.Empty(empty.Liability.Rows);
        Assert.Equal("This merchant has no coupon templates yet.", empty.Coupons!.Empty);
        Assert.Null(page.Error);
        DashboardPage.AssertNoPageFaults(page);
    }

    private static async Task PayAsync(MerchantScenario merchant, string phone, params long[] amounts)
    {
        // A fresh session at each new day: the last one's tokens have expired on the moved clock.
        var customer = await merchant.Host.SignInAsync(phone);
        foreach (var amount in amounts)
        {
            Assert.Empty((await merchant.RedeemAsync(customer, amount)).Data("redeem").ErrorCodes());
        }
    }

    internal static async Task<JsonObject> ApiSalesAsync(CodeScanHost host, string token, string merchantId, DashboardRange range)
    {
        var response = await host.GraphQLAsync(token, DashboardExpectations.Query, new { m = merchantId, from = range.From, to = range.To });
        return response.Data("merchantSales");
    }

    internal static void AssertShowsWhatTheApiSays(DashboardSnapshot page, JsonObject api) => DashboardExpectations.AssertMatches(page, api);
}

public sealed class EmbeddedDashboardSalesTests() : DashboardSalesTests(StoreMode.Embedded);

public sealed class MariaDbDashboardSalesTests() : DashboardSalesTests(StoreMode.MariaDbRedis);
