using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// The API's own answer to the dashboard's query, with every money's <c>display</c>, and the check that the page
/// shows exactly it: a bar and a table row per day with the day's count, bill and net, and a totals row for every
/// figure the report's total has (found by walking the answer, so a figure the page leaves out fails the test).
/// </summary>
public static class DashboardExpectations
{
    private const string Money = "{ minorUnits display }";

    private const string Totals =
        "payments { count bill " + Money + " membershipDiscount " + Money + " couponDiscount " + Money + " fromPrincipal " + Money
        + " fromBonus " + Money + " paidOutside " + Money + " timesCardUses }"
        + " reversals { count principal " + Money + " bonus " + Money + " outside " + Money + " timesCardUses }"
        + " recharges { count principal " + Money + " bonus " + Money + " }"
        + " cardSales { count amount " + Money + " } couponSales { count amount " + Money + " } net " + Money;

    public const string Query =
        "query($m: ID!, $from: Date!, $to: Date!) { merchantSales(merchantId: $m, from: $from, to: $to, granularity: DAY) {"
        + " timeZone currency from to periods { from to " + Totals + " } total { " + Totals + " } } }";

    /// <summary>The platform's report as the dashboard asks for it (no time zone: each sale is on its merchant's day).</summary>
    public const string PlatformQuery =
        "query($from: Date!, $to: Date!) { platformSales(from: $from, to: $to, granularity: DAY) {"
        + " currency from to periods { from to " + Totals + " } total { " + Totals + " } } }";

    public static void AssertMatches(DashboardSnapshot page, JsonObject api)
    {
        Assert.Equal(page.Range!.From, api["from"]!.GetValue<string>());
        Assert.Equal(page.Range.To, api["to"]!.GetValue<string>());
        if (api["timeZone"] is { } zone)
        {
            Assert.Equal(page.Range.TimeZone, zone.GetValue<string>());
        }

        var days = api["periods"]!.AsArray().Select(day => day!.AsObject()).ToList();
        Assert.Equal(30, days.Count);
        Assert.Equal(days.Select(day => day["from"]!.GetValue<string>()), page.Bars.Select(bar => bar.Date));
        Assert.Equal(days.Select(day => day["from"]!.GetValue<string>()), page.Days.Select(row => row.Date));
        foreach (var (day, index) in days.Select((day, index) => (day, index)))
        {
            var (count, bill, net) = (day["payments"]!["count"]!.GetValue<int>(), day["payments"]!["bill"]!, day["net"]!);
            var bar = page.Bars[index];
            Assert.Equal((count, Minor(bill), Minor(net)), (bar.Count, bar.BillMinorUnits, bar.NetMinorUnits));
            Assert.Contains(Display(bill), bar.Title, StringComparison.Ordinal);
            Assert.Contains(Display(net), bar.Title, StringComparison.Ordinal);
            Assert.StartsWith(day["from"]!.GetValue<string>(), bar.Title, StringComparison.Ordinal);
            var row = page.Days[index];
            Assert.Equal([day["from"]!.GetValue<string>(), count.ToString(CultureInfo.InvariantCulture), Display(bill), Display(net)], row.Cells);
            Assert.Equal([count, Minor(bill), Minor(net)], row.Values);
        }

        var figures = Leaves(api["total"]!.AsObject(), "").ToList();
        Assert.Equal(21, figures.Count);
        Assert.Equal(figures.Select(f => f.Path), page.Totals.Select(f => f.Figure));
        foreach (var (path, node) in figures)
        {
            var shown = page.Totals.Single(f => f.Figure == path);
            var expected = node is JsonObject money
                ? (Minor(money), Display(money))
                : ((long)node.GetValue<int>(), node.GetValue<int>().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(expected, (shown.Value, shown.Text));
            Assert.False(string.IsNullOrWhiteSpace(shown.Label), $"The totals row {path} has no label.");
        }
    }

    /// <summary>Every figure of a period: a count, or a money object, with its path (e.g. <c>payments.bill</c>).</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix + key;
            if (value is JsonObject child && !child.ContainsKey("minorUnits"))
            {
                foreach (var leaf in Leaves(child, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, value!);
            }
        }
    }

    private static long Minor(JsonNode money) => money["minorUnits"]!.GetValue<long>();

    private static string Display(JsonNode money) => money["display"]!.GetValue<string>();
}
