using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// Who the dashboard is for: an analyst, whom the console sends there (its alerts are for the owner and cashiers),
/// reads the same figures as the API gives them; platform admins and analysts read the platform's; a cashier and a
/// number with no merchant are told plainly why they see no report.
/// </summary>
public abstract class DashboardAccessTests(StoreMode mode)
{
    [Fact]
    public async Task Console_ForAnAnalyst_SaysAlertsAreForOwnersAndCashiersAndLeadsToTheDashboard()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var (analyst, analystToken) = await merchant.AddAnalystAsync();
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_345)).Data("redeem").ErrorCodes());
        await host.WaitForProjectionsAsync();

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/console"));
        await browser.TypeAsync("#phone", analyst);
        await browser.ClickAsync("#request-code");
        await browser.WaitUntilAsync(page => page.CodeFormVisible, "the console to ask for the code");
        await browser.TypeAsync("#code", host.Services.GetRequiredService<DevelopmentSmsOutbox>().LatestCodeFor(analyst)!);
        await browser.ClickAsync("#submit-code");
        var console = await browser.WaitUntilAsync(page => page.AlertsRefused is not null, "the console to say the alerts are not for an analyst");
        Assert.Equal("Spoken alerts are for the merchant's owner and cashiers. See the reports on the dashboard", console.AlertsRefused);
        Assert.Equal("stopped", console.Connection.State);
        Assert.Null(console.Error);
        Assert.Empty(console.Alerts);
        Assert.All(console.Sockets, socket => Assert.NotEqual("open", socket.State));
        Assert.Empty(console.PageErrors);

        // The link opens the dashboard in the same tab, still signed in, on the same merchant.
        Assert.EndsWith("/dashboard", await browser.FollowAsync("#refused-dashboard-link"), StringComparison.Ordinal);
        var page = await browser.WaitForDashboardAsync(p => p.Panel("sales")?.State == "ready", "the analyst's sales panel");
        Assert.Equal("dashboard", page.Screen);
        Assert.Equal("Tea House", page.MerchantName);
        DashboardSalesTests.AssertShowsWhatTheApiSays(page, await DashboardSalesTests.ApiSalesAsync(host, analystToken, merchant.MerchantId, page.Range!));
        Assert.Equal(1, page.Totals.Single(f => f.Figure == "payments.count").Value);
        Assert.Equal("23.45 CNY", page.Totals.Single(f => f.Figure == "payments.bill").Text);
        DashboardPage.AssertNoPageFaults(page);

        // And back to the console.
        Assert.EndsWith("/console", await browser.FollowAsync("#console-link"), StringComparison.Ordinal);
        await browser.WaitUntilAsync(p => p.AlertsRefused is not null, "the console to open on the same merchant again");
    }

    [Fact]
    public async Task Dashboard_ForACashierOrANumberWithNoMerchant_SaysWhyThereIsNoReport()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var cashier = Phones.Next();
        var added = await host.GraphQLAsync(merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = merchant.MerchantId, phone = cashier } });
        Assert.Empty(added.Data("addCashier").ErrorCodes());
        var cashierToken = await host.SignInAsync(cashier);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        Assert.Empty((await merchant.RedeemAsync(customer, 1_000)).Data("redeem").ErrorCodes());
        await host.WaitForProjectionsAsync();

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/dashboard"));
        await browser.SelectAsync("#language", "en-US");
        var refused = await browser.SignInAsync(host, cashier);

        // The API refuses the cashier the report; the page says so and shows no figure.
        var today = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");
        var api = await host.SalesResponseAsync(cashierToken, merchant.MerchantId, today.AddDays(-29), today);
        Assert.Equal("FORBIDDEN", api["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", refused.Error?.Code);
        Assert.Equal("The reports are for the merchant's owner and analysts: you may not see this merchant's reports.", refused.Error!.Text);
        foreach (var (panel, query) in new[] { ("liability", DashboardLiabilityExpectations.Query), ("coupons", DashboardCouponExpectations.Query) })
        {
            var other = await host.GraphQLAsync(cashierToken, query, new { m = merchant.MerchantId, from = SalesCalls.Iso(today.AddDays(-29)), to = SalesCalls.Iso(today) });
            Assert.Equal("FORBIDDEN", other["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }

        refused = await browser.WaitForDashboardAsync(p => p.Panels.All(panel => panel.State != "loading"), "every panel to be refused");
        Assert.All(refused.Panels, panel => Assert.Equal(("refused", true), (panel.State, panel.Hidden)));
        Assert.Null(refused.Liability);
        Assert.Null(refused.Coupons);
        Assert.Empty(refused.Bars);
        Assert.Empty(refused.Totals);
        DashboardPage.AssertNoPageFaults(refused);

        // A number that works nowhere is told so at once.
        await browser.ClickAsync("#sign-out");
        await browser.WaitForDashboardAsync(page => page.Screen == "sign-in", "the sign-in form");
        var outsider = await browser.SignInAsync(host, Phones.Next());
        Assert.Equal("merchant-picker", outsider.Screen);
        Assert.Equal("This number is not the owner or an analyst of any approved merchant.", outsider.NoMerchant);
        Assert.Empty(outsider.MerchantOptions);
        Assert.Null(outsider.Error);
        DashboardPage.AssertNoPageFaults(outsider);

        // A platform admin, and a platform analyst, see the platform: every CNY merchant's sales together, as
        // platformSales gives them; the merchants' own reports stay their owners' and analysts'.
        var (platformAnalyst, platformAnalystToken) = await host.NewPlatformAnalystAsync();
        foreach (var phone in new[] { CodeScanHost.AdminPhone, platformAnalyst })
        {
            await browser.ClickAsync("#sign-out");
            await browser.WaitForDashboardAsync(page => page.Screen == "sign-in", "the sign-in form");
            await browser.SignInAsync(host, phone);
            var platform = await browser.WaitForDashboardAsync(p => p.Panel("sales")?.State == "ready", "the platform's sales panel");
            Assert.Equal("The platform (every CNY merchant)", platform.MerchantName);
            var platformApi = (await host.GraphQLAsync(platformAnalystToken, DashboardExpectations.PlatformQuery, new { from = platform.Range!.From, to = platform.Range.To })).Data("platformSales");
            DashboardExpectations.AssertMatches(platform, platformApi);
            Assert.Equal(1, platform.Totals.Single(f => f.Figure == "payments.count").Value);

            // The platform's liability is platformLiability; coupon performance is kept per merchant, and the page says so.
            platform = await browser.WaitForDashboardAsync(p => p.Liability is not null && p.Coupons is not null, "the platform's liability and coupon panels");
            DashboardLiabilityExpectations.AssertMatches(platform.Liability, (await host.GraphQLAsync(platformAnalystToken, DashboardLiabilityExpectations.PlatformQuery)).Data("platformLiability"));
            Assert.Equal(10_000L - 1_000L, platform.Liability!.Rows.Single(row => row.Figure == "storedValue.principal").Cells[0].Value);
            Assert.StartsWith("Coupon performance is kept per merchant", platform.Coupons!.Platform, StringComparison.Ordinal);
            Assert.Empty(platform.Coupons.Rows);
            DashboardPage.AssertNoPageFaults(platform);
        }
    }
}

public sealed class EmbeddedDashboardAccessTests() : DashboardAccessTests(StoreMode.Embedded);

public sealed class MariaDbDashboardAccessTests() : DashboardAccessTests(StoreMode.MariaDbRedis);
