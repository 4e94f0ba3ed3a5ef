using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>The coupon and card performance report and the customer report, as a back office asks for them.</summary>
public static class PerformanceCalls
{
    public const string Performance =
        "query($m: ID!, $from: Date!, $to: Date!, $o: InstrumentPerformanceOrder) { merchantInstrumentPerformance(merchantId: $m, from: $from, to: $to, orderBy: $o) {"
        + " merchantId timeZone currency from to items { itemId kind name issued { total sold claimed atCounter amount { minorUnits currency } }"
        + " redeemed bill { minorUnits currency } discount { minorUnits } timesCardUses reversed refunded { minorUnits } timesCardUsesGivenBack"
        + " expired redemptionRate medianMinutesToRedeem } } }";

    public const string Customers =
        "query($m: ID!, $from: Date!, $to: Date!, $g: SalesGranularity) { merchantCustomers(merchantId: $m, from: $from, to: $to, granularity: $g) {"
        + " merchantId timeZone currency from to granularity"
        + " periods { from to active new returning repeat repeatRate payments bill { minorUnits } averageTicket { minorUnits currency } }"
        + " total { from to active new returning repeat repeatRate payments bill { minorUnits } averageTicket { minorUnits currency } } } }";

    public static Task<JsonObject> PerformanceResponseAsync(this CodeScanHost host, string? token, string merchantId, DateOnly from, DateOnly to, string order = "REDEEMED") =>
        host.GraphQLAsync(token, Performance, new { m = merchantId, from = Iso(from), to = Iso(to), o = order });

    public static async Task<JsonObject> PerformanceAsync(this MerchantScenario merchant, DateOnly from, DateOnly to, string order = "REDEEMED") =>
        (await merchant.Host.PerformanceResponseAsync(merchant.OwnerToken, merchant.MerchantId, from, to, order)).Data("merchantInstrumentPerformance");

    public static Task<JsonObject> CustomersResponseAsync(this CodeScanHost host, string? token, string merchantId, DateOnly from, DateOnly to, string granularity = "DAY") =>
        host.GraphQLAsync(token, Customers, new { m = merchantId, from = Iso(from), to = Iso(to), g = granularity });

    public static async Task<JsonObject> CustomersAsync(this MerchantScenario merchant, DateOnly from, DateOnly to, string granularity = "DAY") =>
        (await merchant.Host.CustomersResponseAsync(merchant.OwnerToken, merchant.MerchantId, from, to, granularity)).Data("merchantCustomers");

    /// <summary>The row of the report for a template or product, by name.</summary>
    public static JsonObject Item(this JsonObject report, string name) =>
        report["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!.AsObject();

    public static int Int(this JsonNode node, string field) => node[field]!.GetValue<int>();

    /// <summary>(active, new, returning, repeat, payments) of a customer period.</summary>
    public static (int Active, int New, int Returning, int Repeat, int Payments) Counts(this JsonNode period) =>
        (period.Int("active"), period.Int("new"), period.Int("returning"), period.Int("repeat"), period.Int("payments"));
}
