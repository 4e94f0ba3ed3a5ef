using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// The API's coupon and card performance over the dashboard's range, ranked as asked, and the check that the
/// top-coupons panel shows its first ten coupon templates in that order with every figure as the API gives it:
/// counts and money to the digit, the rate and the median minutes as their raw values and written as the page
/// promises (a percentage to two decimals; minutes, hours or days to one).
/// </summary>
public static class DashboardCouponExpectations
{
    public const string Query =
        "query($m: ID!, $from: Date!, $to: Date!, $o: InstrumentPerformanceOrder) { merchantInstrumentPerformance(merchantId: $m, from: $from, to: $to, orderBy: $o) {"
        + " from to items { itemId kind name issued { total } redeemed bill { minorUnits display } discount { minorUnits display } expired redemptionRate medianMinutesToRedeem } } }";

    public static void AssertMatches(DashboardCoupons? page, JsonObject api, string order)
    {
        Assert.NotNull(page);
        Assert.Equal(order, page.Order);
        var coupons = api["items"]!.AsArray().Select(item => item!.AsObject()).Where(item => item["kind"]!.GetValue<string>() == "COUPON").Take(10).ToList();
        Assert.Equal(coupons.Select(item => item["itemId"]!.GetValue<string>()), page.Rows.Select(row => row.ItemId));
        foreach (var (item, index) in coupons.Select((item, index) => (item, index)))
        {
            var row = page.Rows[index];
            Assert.Equal((index + 1).ToString(CultureInfo.InvariantCulture), row.Cell("rank").Text);
            Assert.Equal(item["name"]!.GetValue<string>(), row.Cell("name").Text);
            AssertCount(row.Cell("issued"), item["issued"]!["total"]!);
            AssertCount(row.Cell("redeemed"), item["redeemed"]!);
            AssertCount(row.Cell("expired"), item["expired"]!);
            AssertMoney(row.Cell("bill"), item["bill"]!);
            AssertMoney(row.Cell("discount"), item["discount"]!);
            AssertReal(row.Cell("redemptionRate"), item["redemptionRate"], Rate);
            AssertReal(row.Cell("medianMinutesToRedeem"), item["medianMinutesToRedeem"], Duration);
        }
    }

    private static void AssertCount(DashboardCouponCell cell, JsonNode count)
    {
        var text = count.GetValue<int>().ToString(CultureInfo.InvariantCulture);
        Assert.Equal((text, text), (cell.Value, cell.Text));
    }

    private static void AssertMoney(DashboardCouponCell cell, JsonNode money) =>
        Assert.Equal((money["minorUnits"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), money["display"]!.GetValue<string>()), (cell.Value, cell.Text));

    /// <summary>A figure the API may leave null: the raw value round-trips exactly; none is an empty value and a dash.</summary>
    private static void AssertReal(DashboardCouponCell cell, JsonNode? value, Func<double, string> written)
    {
        if (value is null)
        {
            Assert.Equal(("", "—"), (cell.Value, cell.Text));
            return;
        }

        var number = value.GetValue<double>();
        Assert.Equal(number, double.Parse(cell.Value!, CultureInfo.InvariantCulture));
        Assert.Equal(written(number), cell.Text);
    }

    /// <summary>"66.67%" from 0.6667.</summary>
    public static string Rate(double rate) =>
        ((decimal)Math.Round(rate * 10_000, MidpointRounding.AwayFromZero) / 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>"0.5 min", "2.5 h", "3.5 d" (en-US): to a tenth of the unit that reads best.</summary>
    public static string Duration(double minutes)
    {
        var (value, unit) = minutes < 60 ? (minutes, "min") : minutes < 2_880 ? (minutes / 60, "h") : (minutes / 1_440, "d");
        var tenths = (decimal)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        return (tenths / 10).ToString("0.0", CultureInfo.InvariantCulture) + " " + unit;
    }
}
