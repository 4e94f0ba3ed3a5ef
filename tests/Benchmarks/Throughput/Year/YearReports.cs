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

    public static async Task<IReadOnlyList<YearReport>> RunAsync(ApiUnderTest api, string merchant, int merchants, DateOnly firstDay, int calls, int days)
    {
        var owner = await api.SignInAsync(YearTemplate.OwnerPhone);
        var admin = await api.SignInAsync(YearTemplate.AdminPhone);
        var range = new { m = merchant, from = Iso(firstDay), to = Iso(firstDay.AddDays(days - 1)) };
        const string Totals = "payments { count bill { minorUnits } } reversals { count } recharges { count principal { minorUnits } } net { minorUnits }";
        return
        [
            await TimeAsync(api, owner, "merchantSales DAY", days, calls, range, PaymentsPerDay * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantSales(merchantId: $m, from: $from, to: $to) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => data["merchantSales"]!["total"]!),
            await TimeAsync(api, owner, "merchantSales MONTH", days, calls, range, PaymentsPerDay * days,
                "query($m: ID!, $from: Date!, $to: Date!) { merchantSales(merchantId: $m, from: $from, to: $to, granularity: MONTH) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => data["merchantSales"]!["total"]!),
            await TimeAsync(api, admin, "platformSales DAY", days, calls, range, (long)PaymentsPerDay * days * merchants,
                "query($from: Date!, $to: Date!) { platformSales(from: $from, to: $to) { periods { from " + Totals + " } total { " + Totals + " } } }",
                data => data["platformSales"]!["total"]!),
        ];
    }

    private static async Task<YearReport> TimeAsync(
        ApiUnderTest api, string token, string name, int days, int calls, object variables, long expectedPayments, string query, Func<JsonNode, JsonNode> total)
    {
        var times = new List<double>();
        JsonNode? data = null;
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            data = await api.SetupAsync(token, query, variables);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var payments = total(data!)["payments"]!["count"]!.GetValue<long>();
        var check = payments == expectedPayments ? null : $"{payments} payments, expected {expectedPayments}";
        times.Sort();
        return new YearReport(name, days, times[(times.Count - 1) / 2], times[Math.Max(0, (int)Math.Ceiling(0.99 * times.Count) - 1)], times[^1], check);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
