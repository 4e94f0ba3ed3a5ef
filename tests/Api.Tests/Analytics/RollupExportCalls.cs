using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The rollup exports' addresses and columns, and their rows checked against the GraphQL figures they mirror.</summary>
public static class RollupExportCalls
{
    public static readonly string[] LiabilityHeader =
    [
        "as_of", "time_zone", "currency", "section", "bucket_from_days", "bucket_to_days", "kind", "count", "uses",
        "value_minor", "value", "face_value_minor", "face_value",
    ];

    public static readonly string[] PerformanceHeader =
    [
        "from", "to", "time_zone", "currency", "item_id", "kind", "name", "issued", "sold", "claimed", "at_counter", "issued_amount_minor",
        "issued_amount", "redeemed", "bill_minor", "bill", "discount_minor", "discount", "times_card_uses", "reversed", "refunded_minor",
        "refunded", "times_card_uses_given_back", "expired", "redemption_rate", "median_minutes_to_redeem",
    ];

    public static string LiabilityPath(string merchantId, DateOnly asOf) =>
        $"/merchants/{Uri.EscapeDataString(merchantId)}/exports/liability.csv?asOf={SalesCalls.Iso(asOf)}";

    public static string PerformancePath(string merchantId, DateOnly from, DateOnly to) =>
        $"/merchants/{Uri.EscapeDataString(merchantId)}/exports/performance.csv?from={SalesCalls.Iso(from)}&to={SalesCalls.Iso(to)}";

    public static string PlatformSalesPath(DateOnly from, DateOnly to, string currency) =>
        $"/platform/exports/sales.csv?from={SalesCalls.Iso(from)}&to={SalesCalls.Iso(to)}&currency={Uri.EscapeDataString(currency)}";

    /// <summary>The five rows of one bucket (or of breakage) say what the GraphQL figures say, kind by kind.</summary>
    public static void AssertLiability(JsonNode figures, IReadOnlyList<Dictionary<string, string>> rows)
    {
        string I(string line, string field) => figures[line]![field]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);
        string M(string line, string field) => figures[line]![field]!["minorUnits"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);
        var expected = new[]
        {
            ("PRINCIPAL", string.Empty, string.Empty, M("storedValue", "principal"), string.Empty),
            ("BONUS", string.Empty, string.Empty, M("storedValue", "bonus"), string.Empty),
            ("TIMES_CARD", I("timesCards", "cards"), I("timesCards", "uses"), M("timesCards", "value"), string.Empty),
            ("COUPON", I("coupons", "count"), string.Empty, M("coupons", "deferredRevenue"), M("coupons", "faceValue")),
            ("MEMBERSHIP_CARD", I("membershipCards", "count"), string.Empty, M("membershipCards", "deferredRevenue"), string.Empty),
        };
        Assert.Equal(expected, rows.Select(r => (r["kind"], r["count"], r["uses"], r["value_minor"], r["face_value_minor"])));
        Assert.All(rows, r => Assert.Equal(Major(r["value_minor"]), r["value"]));
        Assert.Equal(figures["total"]!["minorUnits"]!.GetValue<long>(), rows.Sum(r => long.Parse(r["value_minor"], CultureInfo.InvariantCulture)));
    }

    /// <summary>A performance row says what the GraphQL item says, figure by figure.</summary>
    public static void AssertPerformance(JsonNode item, Dictionary<string, string> row)
    {
        string S(JsonNode? node) => node is null ? string.Empty : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        var issued = item["issued"]!;
        Assert.Equal(
            [S(item["itemId"]), S(item["kind"]), S(item["name"]), S(issued["total"]), S(issued["sold"]), S(issued["claimed"]), S(issued["atCounter"]),
             S(issued["amount"]!["minorUnits"]), S(item["redeemed"]), S(item["bill"]!["minorUnits"]), S(item["discount"]!["minorUnits"]),
             S(item["timesCardUses"]), S(item["reversed"]), S(item["refunded"]!["minorUnits"]), S(item["timesCardUsesGivenBack"]), S(item["expired"])],
            new[] { "item_id", "kind", "name", "issued", "sold", "claimed", "at_counter", "issued_amount_minor", "redeemed", "bill_minor", "discount_minor",
                    "times_card_uses", "reversed", "refunded_minor", "times_card_uses_given_back", "expired" }.Select(c => row[c]));
        Assert.Equal((Major(row["bill_minor"]), Major(row["issued_amount_minor"])), (row["bill"], row["issued_amount"]));
        Assert.Equal(item["redemptionRate"]?.GetValue<double>(), Number(row["redemption_rate"]));
        Assert.Equal(item["medianMinutesToRedeem"]?.GetValue<double>(), Number(row["median_minutes_to_redeem"]));
    }

    private static double? Number(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);

    private static string Major(string minorUnits) => (long.Parse(minorUnits, CultureInfo.InvariantCulture) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
