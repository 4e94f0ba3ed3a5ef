using System.Globalization;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Records;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesExportCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, point 7: the liability, performance and platform sales reports as CSV, over real HTTP (curl and
/// HttpClient), parsed back with CsvHelper and compared figure by figure with the GraphQL report they mirror.
/// </summary>
public abstract class RollupExportTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task LiabilityAndPerformanceCsv_AfterAFlowOfEveryKind_EqualTheirReportsFigureByFigure()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await PerformanceTotalsTests.FlowAsync(host, merchant);
        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var (_, analyst) = await merchant.AddAnalystAsync();

        var (headers, liabilityCsv) = await CurlAsync(host, analyst, RollupExportCalls.LiabilityPath(merchant.MerchantId, today));
        var performanceCsv = await GetAsync(host, merchant.OwnerToken, RollupExportCalls.PerformancePath(merchant.MerchantId, today.AddDays(-1), today));

        Assert.StartsWith("HTTP/1.1 200", headers, StringComparison.Ordinal);
        Assert.Contains($"filename=\"liability_{new string(merchant.MerchantId.Where(char.IsAsciiLetterOrDigit).ToArray())}_{SalesCalls.Iso(today)}.csv\"", headers, StringComparison.OrdinalIgnoreCase);
        var liability = await merchant.LiabilityAsync(today);
        var rows = Parse(liabilityCsv, RollupExportCalls.LiabilityHeader);
        Assert.Equal(5 * 5 + 5, rows.Count);
        Assert.All(rows, r => Assert.Equal((SalesCalls.Iso(today), Zone, "CNY"), (r["as_of"], r["time_zone"], r["currency"])));
        foreach (var bucket in liability["aging"]!.AsArray())
        {
            var fromDays = bucket!["fromDays"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
            var toDays = bucket["toDays"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            RollupExportCalls.AssertLiability(bucket["liability"]!, rows.Where(r => r["section"] == "AGING" && r["bucket_from_days"] == fromDays && r["bucket_to_days"] == toDays).ToList());
        }

        RollupExportCalls.AssertLiability(liability["breakage"]!, rows.Where(r => r["section"] == "BREAKAGE" && r["bucket_from_days"] == string.Empty).ToList());
        var owed = rows.Where(r => r["section"] == "AGING").Sum(r => long.Parse(r["value_minor"], CultureInfo.InvariantCulture));
        Assert.Equal(liability["outstanding"]!["total"]!["minorUnits"]!.GetValue<long>(), owed);
        Assert.True(owed > 0);

        var performance = await merchant.PerformanceAsync(today.AddDays(-1), today);
        var items = Parse(performanceCsv.Body, RollupExportCalls.PerformanceHeader);
        Assert.Equal(["10 off", "Gold member", "5 washes", "Paid 5 off"], items.Select(r => r["name"]));
        foreach (var (item, row) in performance["items"]!.AsArray().Zip(items))
        {
            RollupExportCalls.AssertPerformance(item!, row);
        }
    }

    [Fact]
    public async Task PlatformSalesCsv_ForAPlatformAnalyst_EqualsPlatformSalesDayByDay_AndIsRefusedToMerchants()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var b = await MerchantScenario.ApprovedAsync(host);
        foreach (var (merchant, amount) in new[] { (a, 1_234L), (b, 2_000L) })
        {
            var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
            await RecordsTests.Ok(merchant.RechargeAsync(phone, 5_000, bonus: 500), "rechargeAtCounter");
            await RecordsTests.Ok(merchant.RedeemAsync(customer, amount), "redeem");
        }

        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var (from, to) = (today.AddDays(-3), today.AddDays(1));
        var (_, platformAnalyst) = await host.NewPlatformAnalystAsync();
        var path = RollupExportCalls.PlatformSalesPath(from, to, "CNY");

        var csv = await GetAsync(host, platformAnalyst, path);
        var report = (await host.PlatformSalesResponseAsync(platformAnalyst, from, to)).Data("platformSales");

        Assert.Equal((200, "attachment; filename=\"platform_sales_CNY_" + SalesCalls.Iso(from) + "_" + SalesCalls.Iso(to) + ".csv\""), (csv.Status, csv.Disposition));
        var rows = Parse(csv.Body);
        var periods = report["periods"]!.AsArray();
        Assert.Equal(periods.Select(p => p!["from"]!.GetValue<string>()), rows.Select(r => r["date"]));
        foreach (var (period, row) in periods.Select(p => p!).Zip(rows))
        {
            Assert.Equal((string.Empty, "CNY"), (row["time_zone"], row["currency"]));
            Assert.Equal(period.Count("payments").ToString(CultureInfo.InvariantCulture), row["payments"]);
            Assert.Equal(Major(period.Minor("payments", "bill")), row["bill"]);
            Assert.Equal(Major(period.Minor("payments", "fromPrincipal")), row["from_principal"]);
            Assert.Equal(Major(period.Minor("recharges", "principal")), row["recharged_principal"]);
            Assert.Equal(Major(period["net"]!["minorUnits"]!.GetValue<long>()), row["net"]);
        }

        Assert.Equal(("2", "32.34", "300.00"), (rows.Single(r => r["date"] == SalesCalls.Iso(today))["payments"], rows.Single(r => r["date"] == SalesCalls.Iso(today))["bill"], rows.Single(r => r["date"] == SalesCalls.Iso(today))["recharged_principal"]));
        await RecordsExportCalls.AssertRefusedAsync(host, a.OwnerToken, path, 403, "Only platform analysts and admins may see the platform's reports.");
        await RecordsExportCalls.AssertRefusedAsync(host, null, path, 401, "Sign in to do this.");
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, RollupExportCalls.PlatformSalesPath(from, to, "XYZ"), 400, (await host.PlatformSalesResponseAsync(platformAnalyst, from, to, currency: "XYZ")).ErrorMessages());
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, RollupExportCalls.PlatformSalesPath(to, from, "CNY"), 400, "'from' must not be later than 'to'.");
        await RecordsExportCalls.AssertRefusedAsync(host, platformAnalyst, path.Replace("&to=", "&to=x", StringComparison.Ordinal), 400, $"'to' is not a date (YYYY-MM-DD): 'x{SalesCalls.Iso(to)}'.");
    }

    [Fact]
    public async Task LiabilityAndPerformanceCsv_ForBadInputCashiersAndStrangers_AreRefusedLikeTheirFields()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await Redemptions.RedemptionCalls.AddCashierAsync(merchant);
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var day = new DateOnly(2026, 3, 1);
        var (m, owner) = (merchant.MerchantId, merchant.OwnerToken);
        const string AnalystsOnly = "Only this merchant's owner and analysts may see this.";

        foreach (var path in new[] { RollupExportCalls.LiabilityPath(m, day), RollupExportCalls.PerformancePath(m, day, day) })
        {
            await RecordsExportCalls.AssertRefusedAsync(host, cashier, path, 403, AnalystsOnly);
            await RecordsExportCalls.AssertRefusedAsync(host, other.OwnerToken, path, 403, AnalystsOnly);
            await RecordsExportCalls.AssertRefusedAsync(host, null, path, 401, "Sign in to do this.");
        }

        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.LiabilityPath(m, today.AddDays(2)), 400, (await host.LiabilityResponseAsync(owner, m, today.AddDays(2))).ErrorMessages());
        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.LiabilityPath(m, new DateOnly(1999, 12, 31)), 400, "'asOf' must be a past or present date from 2000-01-01; 1999-12-31 is not.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, $"/merchants/{m}/exports/liability.csv?asOf=31/12/2026", 400, "'asOf' is not a date (YYYY-MM-DD): '31/12/2026'.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.LiabilityPath(Guid.NewGuid().ToString(), day), 400, "The merchant was not found.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.PerformancePath(m, day, day.AddDays(-1)), 400, "'from' must not be later than 'to'.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.PerformancePath(m, day, day.AddDays(366)), 400, "A performance report covers at most 366 days; this range has 367.");
        await RecordsExportCalls.AssertRefusedAsync(host, owner, RollupExportCalls.PerformancePath("x y", day, day), 400, "'x y' is not a merchant id.");
        var withoutAsOf = await GetAsync(host, owner, $"/merchants/{m}/exports/liability.csv");
        Assert.Equal(SalesCalls.Iso(today), Parse(withoutAsOf.Body, RollupExportCalls.LiabilityHeader)[0]["as_of"]);
    }

    private static string Major(long minorUnits) => (minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

public sealed class EmbeddedRollupExportTests() : RollupExportTests(StoreMode.Embedded);

public sealed class MariaDbRollupExportTests() : RollupExportTests(StoreMode.MariaDbRedis);
