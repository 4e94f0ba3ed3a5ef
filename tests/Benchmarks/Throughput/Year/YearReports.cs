using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CodeScan.Benchmarks.Throughput.Year;

/// <summary>One report asked <c>n</c> times in a row: its latency, and what its figures should have been (<see cref="Check"/> says how they were not).</summary>
internal sealed record YearReport(string Name, int Days, double P50, double P99, double Max, string? Check);

/// <summary>The 365-day reports an analyst's dashboard asks for, timed over HTTP against the rebuilt read models.</summary>
internal static class YearReports
{
    /// <summary>Payments a day at a merchant: each customer pays from stored value, with a times card and with a coupon.</summary>
    private const int PaymentsPerDay = 3 * YearTemplate.Customers;

    private const string Liability = "storedValue { principal { minorUnits } bonus { minorUnits } total { minorUnits } } timesCards { cards uses value { minorUnits } } " +
        "coupons { count faceValue { minorUnits } deferredRevenue { minorUnits } } deferredRevenue { minorUnits } total { minorUnits }";

    public static async Task<IReadOnlyList<YearReport>> RunAsync(ApiUnderTest api, string merchant, int merchants, DateOnly firstDay, int calls, int days)
    {
        var owner = await api.SignInAsync(YearTemplate.OwnerPhone);
        var admin = await api.SignInAsync(YearTemplate.AdminPhone);
        var range = new { m = merchant, from = Iso(firstDay), to = Iso(firstDay.AddDays(days - 1)) };
        const string Totals = "payments { count bill { minorUnits } } reversals { count } recharges { count principal { minorUnits } } net { minorUnits }";
        var asOf = new { m = merchant, asOf = Iso(firstDay.AddDays(days - 1)) };
        long Payments(JsonNode total) => total["payments"]!["count"]!.GetValue<long>();
        return
        [
            await TimeAsync(api, owner, "merchantSales DAY", days, calls, range, PaymentsPerDay * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantSales(merchantId: $m, from: $from, to: $to) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => Payments(data["merchantSales"]!["total"]!)),
            await TimeAsync(api, owner, "merchantSales MONTH", days, calls, range, PaymentsPerDay * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantSales(merchantId: $m, from: $from, to: $to, granularity: MONTH) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => Payments(data["merchantSales"]!["total"]!)),
            await TimeAsync(api, admin, "platformSales DAY", days, calls, range, (long)PaymentsPerDay * days * merchants,
                "query($from: Date!, $to: Date!) { platformSales(from: $from, to: $to) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => Payments(data["platformSales"]!["total"]!)),
            await TimeAsync(api, owner, "merchantLiability", days, calls, asOf, null,
                "query($m: ID!, $asOf: Date) { merchantLiability(merchantId: $m, asOf: $asOf) { asOf outstanding { " + Liability + " } aging { fromDays toDays liability { " + Liability + " } } breakage { " + Liability + " } } }",
                data => data["merchantLiability"]!["outstanding"]!["total"]!["minorUnits"]!.GetValue<long>()),
            await TimeAsync(api, owner, "merchantInstrumentPerformance", days, calls, range, 2L * YearTemplate.Customers * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantInstrumentPerformance(merchantId: $m, from: $from, to: $to) { items { name redeemed bill { minorUnits } expired redemptionRate medianMinutesToRedeem } } }",
                data => data["merchantInstrumentPerformance"]!["items"]!.AsArray().Sum(item => item!["redeemed"]!.GetValue<long>())),
            await TimeAsync(api, owner, "merchantCustomers DAY", days, calls, range, PaymentsPerDay * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantCustomers(merchantId: $m, from: $from, to: $to) { periods { from active new repeat payments } total { active new returning repeat payments } } }",
                data => data["merchantCustomers"]!["total"]!["payments"]!.GetValue<long>()),
        ];
    }

    /// <summary>Asks <paramref name="query"/> <paramref name="calls"/> times; <paramref name="figure"/> of the last answer must be <paramref name="expected"/> (when one is known).</summary>
    private static async Task<YearReport> TimeAsync(
        ApiUnderTest api, string token, string name, int days, int calls, object variables, long? expected, string query, Func<JsonNode, long> figure)
    {
        var times = new List<double>();
        JsonNode? data = null;
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            data = await api.SetupAsync(token, query, variables);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var actual = figure(data!);
        var check = expected is null || actual == expected ? null : $"{actual}, expected {expected}";
        times.Sort();
        return new YearReport(name, days, times[(times.Count - 1) / 2], times[Math.Max(0, (int)Math.Ceiling(0.99 * times.Count) - 1)], times[^1], check);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
