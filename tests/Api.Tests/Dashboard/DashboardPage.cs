using System.Text.Json;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>What the dashboard showed at one moment (tests/clients/console/dashboard-snapshot.mjs).</summary>
public sealed record DashboardSnapshot(
    string Lang,
    string? Screen,
    bool CodeFormVisible,
    ConsoleError? Error,
    string MerchantName,
    IReadOnlyList<string> MerchantOptions,
    string? NoMerchant,
    DashboardRange? Range,
    IReadOnlyList<DashboardPanel> Panels,
    string? SalesEmpty,
    string? ChartName,
    IReadOnlyList<DashboardBar> Bars,
    IReadOnlyList<string> AxisLabels,
    IReadOnlyList<DashboardDay> Days,
    IReadOnlyList<DashboardFigure> Totals,
    DashboardLiability? Liability,
    DashboardCoupons? Coupons,
    string? ConsoleLink,
    ConsoleStorage Storage,
    string Url,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> ConsoleErrors)
{
    public DashboardPanel? Panel(string id) => Panels.SingleOrDefault(panel => panel.Id == $"panel-{id}");
}

/// <summary>The merchant's local dates the page asked for, and the zone it says they are in.</summary>
public sealed record DashboardRange(string From, string To, string TimeZone, string Text);

/// <summary>A panel's section: <c>State</c> is loading, ready, refused or failed.</summary>
public sealed record DashboardPanel(string Id, string State, bool Hidden, string? Empty, string? Heading);

/// <summary>A bar of the sales chart: its data-* attributes, its hover title and its drawn height.</summary>
public sealed record DashboardBar(string Date, int Count, long BillMinorUnits, long NetMinorUnits, string Title, double Height);

/// <summary>A row of the table per day: the cells' text and the exact values they carry.</summary>
public sealed record DashboardDay(string Date, IReadOnlyList<string> Cells, IReadOnlyList<long> Values);

/// <summary>A row of the totals table: the figure's path in a period (e.g. <c>payments.bill</c>), its value, label and text.</summary>
public sealed record DashboardFigure(string Figure, long Value, string Label, string Text);

/// <summary>The dashboard driven through <see cref="ConsoleBrowser"/>: sign-in through its own form, and waits on what it shows.</summary>
public static class DashboardPage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<DashboardSnapshot> DashboardAsync(this ConsoleBrowser browser) => browser.ReadAsync<DashboardSnapshot>("dashboard");

    /// <summary>Polls the dashboard until <paramref name="condition"/> holds; fails with the last snapshot when it does not.</summary>
    public static async Task<DashboardSnapshot> WaitForDashboardAsync(this ConsoleBrowser browser, Func<DashboardSnapshot, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var snapshot = await browser.DashboardAsync();
            if (condition(snapshot))
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}. The page: {JsonSerializer.Serialize(snapshot, Json)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Signs in through the page's form with the code from the development SMS outbox; waits until it has moved on.</summary>
    public static async Task<DashboardSnapshot> SignInAsync(this ConsoleBrowser browser, CodeScanHost host, string phone)
    {
        await browser.TypeAsync("#phone", phone);
        await browser.ClickAsync("#request-code");
        await browser.WaitForDashboardAsync(page => page.CodeFormVisible, "the page to ask for the code");
        var code = host.Services.GetRequiredService<DevelopmentSmsOutbox>().LatestCodeFor(phone)
            ?? throw new InvalidOperationException($"The page asked for the code, but none was sent to {phone}.");
        await browser.TypeAsync("#code", code);
        await browser.ClickAsync("#submit-code");
        return await browser.WaitForDashboardAsync(
            page => page.Screen == "merchant-picker" || (page.Screen == "dashboard" && page.Panels.Any(panel => panel.State != "loading")),
            "the dashboard to sign in and show a merchant, a choice or an error");
    }

    public static void AssertNoPageFaults(DashboardSnapshot page)
    {
        Assert.Empty(page.PageErrors);
        Assert.DoesNotContain(page.ConsoleErrors, message => message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
