using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// The API's own liability report (every money with its <c>display</c>), and the check that the liability panel
/// shows exactly it: every figure of the report (found by walking the answer, so a figure the page leaves out
/// fails) in every column — outstanding, each aging bucket, breakage — and a bar per bucket whose parts are the
/// bucket's money owed, drawn to scale.
/// </summary>
public static class DashboardLiabilityExpectations
{
    private const string Money = "{ minorUnits display }";

    private const string Figures =
        "storedValue { principal " + Money + " bonus " + Money + " total " + Money + " }"
        + " timesCards { cards uses value " + Money + " }"
        + " coupons { count faceValue " + Money + " deferredRevenue " + Money + " }"
        + " membershipCards { count deferredRevenue " + Money + " } deferredRevenue " + Money + " total " + Money;

    private const string Report =
        "asOf outstanding { " + Figures + " } aging { fromDays toDays liability { " + Figures + " } } breakage { " + Figures + " }";

    public const string Query = "query($m: ID!) { merchantLiability(merchantId: $m) { timeZone currency " + Report + " } }";

    public const string PlatformQuery = "query { platformLiability { currency " + Report + " } }";

    /// <summary>A bar's parts, bottom up, and the figure each one is.</summary>
    private static readonly (string Key, string Path)[] Segments =
    [
        ("principal", "storedValue.principal"), ("bonus", "storedValue.bonus"), ("timesCards", "timesCards.value"),
        ("coupons", "coupons.deferredRevenue"), ("membershipCards", "membershipCards.deferredRevenue"),
    ];

    public static void AssertMatches(DashboardLiability? page, JsonObject api)
    {
        Assert.NotNull(page);
        Assert.Equal(api["asOf"]!.GetValue<string>(), page.AsOf);
        var buckets = api["aging"]!.AsArray().Select(bucket => bucket!.AsObject()).ToList();
        Assert.Equal([0, 31, 91, 181, 366], buckets.Select(bucket => bucket["fromDays"]!.GetValue<int>()));
        var columns = new List<(string Id, JsonNode Figures)> { ("outstanding", api["outstanding"]!) };
        columns.AddRange(buckets.Select(bucket => ($"aging-{bucket["fromDays"]}", bucket["liability"]!)));
        columns.Add(("breakage", api["breakage"]!));
        Assert.Equal(columns.Select(column => column.Id), page.Columns.Select(column => column.Id));

        var paths = Leaves(api["outstanding"]!.AsObject(), "").Select(leaf => leaf.Path).ToList();
        Assert.Equal(13, paths.Count);
        Assert.Equal(paths, page.Rows.Select(row => row.Figure));
        foreach (var row in page.Rows)
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Label), $"The liability row {row.Figure} has no label.");
            Assert.Equal(columns.Select(column => (column.Id, Expected(column.Figures, row.Figure))), row.Cells.Select(cell => (cell.Column, (cell.Value, cell.Text))));
        }

        Assert.Equal(buckets.Count, page.Bars.Count);
        foreach (var (bucket, bar) in buckets.Zip(page.Bars))
        {
            AssertBar(bucket, bar);
        }
    }

    /// <summary>A bucket's bar: its total, and a part per non-zero money owed, each drawn at the same scale.</summary>
    private static void AssertBar(JsonObject bucket, DashboardAgingBar bar)
    {
        var figures = bucket["liability"]!;
        Assert.Equal((bucket["fromDays"]!.GetValue<int>(), bucket["toDays"]?.GetValue<int>()), (bar.FromDays, bar.ToDays));
        Assert.Equal(Minor(At(figures, "total")), bar.TotalMinorUnits);
        Assert.Contains(Display(At(figures, "total")), bar.Title, StringComparison.Ordinal);
        var parts = Segments.Select(s => (s.Key, Money: At(figures, s.Path))).Where(s => Minor(s.Money) > 0).ToList();
        Assert.Equal(parts.Select(p => (p.Key, Minor(p.Money))), bar.Segments.Select(s => (s.Key, s.Value)));
        Assert.Equal(bar.TotalMinorUnits, bar.Segments.Sum(s => s.Value));
        foreach (var (part, segment) in parts.Zip(bar.Segments))
        {
            Assert.Contains(Display(part.Money), segment.Title, StringComparison.Ordinal);
        }

        if (bar.Segments.Count > 1)
        {
            var scale = bar.Segments[0].Height / bar.Segments[0].Value;
            Assert.All(bar.Segments, s => Assert.Equal(scale * s.Value, s.Height, 3));
        }
    }

    /// <summary>(minor units, display) of a money, (count, count) of a count.</summary>
    private static (long, string) Expected(JsonNode figures, string path) => At(figures, path) switch
    {
        JsonObject money => (Minor(money), Display(money)),
        var count => (count.GetValue<int>(), count.GetValue<int>().ToString(CultureInfo.InvariantCulture)),
    };

    private static JsonNode At(JsonNode figures, string path) => path.Split('.').Aggregate(figures, (node, key) => node[key]!);

    private static IEnumerable<(string Path, JsonNode Node)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            if (value is JsonObject child && !child.ContainsKey("minorUnits"))
            {
                foreach (var leaf in Leaves(child, prefix + key + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (prefix + key, value!);
            }
        }
    }

    private static long Minor(JsonNode money) => money["minorUnits"]!.GetValue<long>();

    private static string Display(JsonNode money) => money["display"]!.GetValue<string>();
}
