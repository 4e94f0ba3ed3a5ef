using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The platform's performance and customer reports and the customer exports, as a platform back office and a BI tool ask for them.</summary>
public static class PlatformReportCalls
{
    private const string Figures =
        "issued { total sold claimed atCounter amount { minorUnits currency } } redeemed bill { minorUnits currency } discount { minorUnits }"
        + " timesCardUses reversed refunded { minorUnits } timesCardUsesGivenBack expired redemptionRate medianMinutesToRedeem";

    private const string Period = "from to active new returning repeat repeatRate payments bill { minorUnits } averageTicket { minorUnits currency }";

    public const string Performance =
        "query($from: Date!, $to: Date!, $c: String) { platformInstrumentPerformance(from: $from, to: $to, currency: $c) {"
        + " currency timeZone from to kinds { kind " + Figures + " } } }";

    public const string Customers =
        "query($from: Date!, $to: Date!, $g: SalesGranularity, $c: String) { platformCustomers(from: $from, to: $to, granularity: $g, currency: $c) {"
        + " currency from to granularity periods { " + Period + " } total { " + Period + " } } }";

    public static readonly string[] CustomersHeader =
    [
        "period", "from", "to", "time_zone", "currency", "active", "new", "returning", "repeat", "repeat_rate", "payments",
        "bill_minor", "bill", "average_ticket_minor", "average_ticket",
    ];

    public static readonly string[] PerformanceHeader = ["from", "to", "time_zone", "currency", "kind", .. RollupExportCalls.PerformanceHeader[7..]];

    public static Task<JsonObject> PlatformPerformanceResponseAsync(this CodeScanHost host, string? token, DateOnly from, DateOnly to, string currency = "CNY") =>
        host.GraphQLAsync(token, Performance, new { from = Iso(from), to = Iso(to), c = currency });

    public static Task<JsonObject> PlatformCustomersResponseAsync(this CodeScanHost host, string? token, DateOnly from, DateOnly to, string granularity = "DAY", string currency = "CNY") =>
        host.GraphQLAsync(token, Customers, new { from = Iso(from), to = Iso(to), g = granularity, c = currency });

    public static string CustomersPath(string merchantId, DateOnly from, DateOnly to, string? granularity = null) =>
        $"/merchants/{Uri.EscapeDataString(merchantId)}/exports/customers.csv?from={Iso(from)}&to={Iso(to)}" + (granularity is null ? string.Empty : "&granularity=" + granularity);

    public static string PlatformCustomersPath(DateOnly from, DateOnly to, string currency, string? granularity = null) =>
        $"/platform/exports/customers.csv?from={Iso(from)}&to={Iso(to)}&currency={Uri.EscapeDataString(currency)}" + (granularity is null ? string.Empty : "&granularity=" + granularity);

    public static string PlatformPerformancePath(DateOnly from, DateOnly to, string currency) =>
        $"/platform/exports/performance.csv?from={Iso(from)}&to={Iso(to)}&currency={Uri.EscapeDataString(currency)}";

    /// <summary>The row of the platform's report for a kind (COUPON, TIMES_CARD, MEMBERSHIP_CARD).</summary>
    public static JsonObject Kind(this JsonObject report, string kind) =>
        report["kinds"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == kind)!.AsObject();

    /// <summary>The figures of a performance row that add up across merchants: counts and minor units.</summary>
    public static long[] Additive(JsonNode row)
    {
        var issued = row["issued"]!;
        return
        [
            issued.Int("total"), issued.Int("sold"), issued.Int("claimed"), issued.Int("atCounter"), Minor(issued, "amount"), row.Int("redeemed"),
            Minor(row, "bill"), Minor(row, "discount"), row.Int("timesCardUses"), row.Int("reversed"), Minor(row, "refunded"),
            row.Int("timesCardUsesGivenBack"), row.Int("expired"),
        ];
    }

    /// <summary>A CSV row of a customer export says what the GraphQL period says, figure by figure.</summary>
    public static void AssertCustomerRow(JsonNode period, Dictionary<string, string> row)
    {
        string S(JsonNode? node) => node is null ? string.Empty : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        Assert.Equal(
            [S(period["from"]), S(period["to"]), S(period["active"]), S(period["new"]), S(period["returning"]), S(period["repeat"]), S(period["payments"]),
             S(period["bill"]!["minorUnits"]), S(period["averageTicket"]?["minorUnits"])],
            new[] { "from", "to", "active", "new", "returning", "repeat", "payments", "bill_minor", "average_ticket_minor" }.Select(c => row[c]));
        Assert.Equal(period["repeatRate"]?.GetValue<double>(), row["repeat_rate"].Length == 0 ? null : double.Parse(row["repeat_rate"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static long Minor(JsonNode node, string field) => node[field]!["minorUnits"]!.GetValue<long>();
}
