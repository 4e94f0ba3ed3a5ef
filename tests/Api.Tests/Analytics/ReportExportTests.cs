using System.Globalization;
using CodeScan.Api.Tests.Records;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.PlatformReportCalls;
using static CodeScan.Api.Tests.Analytics.SalesExportCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, point 7, for the customer reports and the platform's performance: each CSV, over real HTTP and parsed back
/// with CsvHelper, says what its GraphQL field says, row by row; and each is refused as its field is, with its words.
/// </summary>
public abstract class ReportExportTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task CustomerAndPlatformPerformanceCsv_AfterAFlow_EqualTheirFieldsRowByRow()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var from = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone).AddDays(-9);
        await PerformanceTotalsTests.FlowAsync(host, merchant);
        var (_, customer) = await other.FundedCustomerAsync(10_000);
        await RecordsTests.Ok(other.RedeemAsync(customer, 2_500), "redeem");
        await host.WaitForProjectionsAsync();
        var to = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var (_, analyst) = await merchant.AddAnalystAsync();
        var (_, platformAnalyst) = await host.NewPlatformAnalystAsync();

        var (headers, body) = await CurlAsync(host, analyst, CustomersPath(merchant.MerchantId, from, to, "WEEK"));
        Assert.StartsWith("HTTP/1.1 200", headers, StringComparison.Ordinal);
        Assert.Contains($"filename=\"customers_{new string(merchant.MerchantId.Where(char.IsAsciiLetterOrDigit).ToArray())}_{SalesCalls.Iso(from)}_{SalesCalls.Iso(to)}.csv\"", headers, StringComparison.OrdinalIgnoreCase);
        var report = await merchant.CustomersAsync(from, to, "WEEK");
        AssertRows(report, Parse(body, CustomersHeader), "WEEK", Zone);

        var platformCsv = await GetAsync(host, platformAnalyst, PlatformCustomersPath(from, to, "CNY"));
        Assert.Equal($"attachment; filename=\"platform_customers_CNY_{SalesCalls.Iso(from)}_{SalesCalls.Iso(to)}.csv\"", platformCsv.Disposition);
        var platform = (await host.PlatformCustomersResponseAsync(platformAnalyst, from, to)).Data("platformCustomers");
        AssertRows(platform, Parse(platformCsv.Body, CustomersHeader), "DAY", string.Empty);
        Assert.Equal(3, platform["total"]!.Int("active"));

        var performanceCsv = await GetAsync(host, platformAnalyst, PlatformPerformancePath(from, to, "CNY"));
        var performance = (await host.PlatformPerformanceResponseAsync(platformAnalyst, from, to)).Data("platformInstrumentPerformance");
        var rows = Parse(performanceCsv.Body, PerformanceHeader);
        Assert.Equal(["COUPON", "TIMES_CARD", "MEMBERSHIP_CARD"], rows.Select(r => r["kind"]));
        foreach (var (kind, row) in performance["kinds"]!.AsArray().Zip(rows))
        {
            Assert.Equal((SalesCalls.Iso(from), SalesCalls.Iso(to), Zone, "CNY"), (row["from"], row["to"], row["time_zone"], row["currency"]));
            var columns = new[] { "issued", "sold", "claimed", "at_counter", "issued_amount_minor", "redeemed", "bill_minor", "discount_minor", "times_card_uses", "reversed", "refunded_minor", "times_card_uses_given_back", "expired" };
            Assert.Equal(Additive(kind!), columns.Select(c => long.Parse(row[c], CultureInfo.InvariantCulture)));
            Assert.Equal(kind!["redemptionRate"]?.GetValue<double>(), row["redemption_rate"].Length == 0 ? null : double.Parse(row["redemption_rate"], CultureInfo.InvariantCulture));
            Assert.Equal((kind["bill"]!["minorUnits"]!.GetValue<long>() / 100m).ToString("0.00", CultureInfo.InvariantCulture), row["bill"]);
        }

        Assert.True(rows.Sum(r => long.Parse(r["redeemed"], CultureInfo.InvariantCulture)) > 0);
    }

    [Fact]
    public async Task CustomerAndPlatformPerformanceCsv_ForBadInputCashiersAndStrangers_AreRefusedLikeTheirFields()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await RedemptionCalls.AddCashierAsync(merchant);
        var (_, platformAnalyst) = await host.NewPlatformAnalystAsync();
        var day = new DateOnly(2026, 3, 1);
        var (m, owner) = (merchant.MerchantId, merchant.OwnerToken);
        const string PlatformOnly = "Only platform analysts and admins may see the platform's reports.";

        await RecordsExportCalls.AssertRefusedAsync(host, cashier, CustomersPath(m, day, day), 403, "Only this merchant's owner and analysts may see this.");
        await RecordsExportCalls.AssertRefusedAsync(host, other.OwnerToken, CustomersPath(m, day, day), 403, "Only this merchant's owner and analysts may see this.");
        await RecordsExportCalls.AssertRefusedAsync(host, null, CustomersPath(m, day, day), 401, "Sign in to do this.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, CustomersPath(m, day, day.AddDays(366)), 400, "A DAY customer report covers at most 366 days; this range has 367.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, CustomersPath(m, day, day.AddDays(731), "week"), 400, "A WEEK customer report covers at most 731 days; this range has 732.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, CustomersPath(m, day, day, "YEAR"), 400, "'granularity' is not one of DAY, WEEK, MONTH: 'YEAR'.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, CustomersPath(m, day, day.AddDays(-1)), 400, "'from' must not be later than 'to'.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, CustomersPath(Guid.NewGuid().ToString(), day, day), 400, "The merchant was not found.");
        foreach (var path in new[] { PlatformCustomersPath(day, day, "CNY"), PlatformPerformancePath(day, day, "CNY") })
        {
            await RecordsExportCalls.AssertRefusedAsync(host, owner, path, 403, PlatformOnly);
            await RecordsExportCalls.AssertRefusedAsync(host, null, path, 401, "Sign in to do this.");
        }

        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, PlatformCustomersPath(day, day, "XYZ"), 400, (await host.PlatformCustomersResponseAsync(platformAnalyst, day, day, currency: "XYZ")).ErrorMessages());
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, PlatformPerformancePath(day, day, "XYZ"), 400, (await host.PlatformPerformanceResponseAsync(platformAnalyst, day, day, "XYZ")).ErrorMessages());
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, PlatformPerformancePath(day, day.AddDays(366), "CNY"), 400, "A performance report covers at most 366 days; this range has 367.");
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, PlatformCustomersPath(day, day.AddDays(1_827), "CNY", "MONTH"), 400, "A MONTH customer report covers at most 1827 days; this range has 1828.");
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, $"/platform/exports/customers.csv?from=2026-03-01&to=01/03/2026", 400, "'to' is not a date (YYYY-MM-DD): '01/03/2026'.");
        Assert.Equal(200, (await GetAsync(host, platformAnalyst, PlatformCustomersPath(day, day.AddDays(1_826), "CNY", "month"))).Status);
    }

    /// <summary>A row per period of the report, then its total, each saying what the field says.</summary>
    private static void AssertRows(System.Text.Json.Nodes.JsonObject report, List<Dictionary<string, string>> rows, string granularity, string zone)
    {
        var periods = report["periods"]!.AsArray().Select(p => p!).Append(report["total"]!).ToList();
        Assert.Equal(periods.Count, rows.Count);
        Assert.Equal([.. Enumerable.Repeat(granularity, periods.Count - 1), "TOTAL"], rows.Select(r => r["period"]));
        foreach (var (period, row) in periods.Zip(rows))
        {
            AssertCustomerRow(period, row);
            Assert.Equal((zone, "CNY"), (row["time_zone"], row["currency"]));
        }

        Assert.True(rows[^1]["payments"] != "0", "the total has payments");
    }
}

public sealed class EmbeddedReportExportTests() : ReportExportTests(StoreMode.Embedded);

public sealed class MariaDbReportExportTests() : ReportExportTests(StoreMode.MariaDbRedis);
