using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesExportCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, point 7: the daily sales rollups as CSV for BI tools, over real HTTP (curl and HttpClient), parsed
/// back with CsvHelper and compared with <c>merchantSales</c> day by day; authorized like that field.
/// </summary>
public abstract class SalesExportTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task SalesCsv_ForTheOwnerWithCurlAndTheAnalyst_EqualsMerchantSalesDayByDay()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        Assert.Empty((await merchant.RechargeAsync(phone, 5_000, bonus: 1_234)).Data("rechargeAtCounter").ErrorCodes());
        Assert.Empty((await merchant.RedeemAsync(customer, 2_345)).Data("redeem").ErrorCodes());
        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var (from, to) = (today.AddDays(-2), today.AddDays(1));

        var (headers, body) = await CurlAsync(host, merchant.OwnerToken, SalesCsvPath(merchant.MerchantId, from, to));
        var (_, analyst) = await merchant.AddAnalystAsync();
        var byAnalyst = await GetAsync(host, analyst, SalesCsvPath(merchant.MerchantId, from, to));

        Assert.StartsWith("HTTP/1.1 200", headers, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/csv; charset=utf-8; header=present", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Content-Disposition: attachment; filename=\"sales_{new string(merchant.MerchantId.Where(char.IsAsciiLetterOrDigit).ToArray())}_{SalesCalls.Iso(from)}_{SalesCalls.Iso(to)}.csv\"", headers, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("\r\n", body, StringComparison.Ordinal);
        Assert.Equal(body, byAnalyst.Body);
        var rows = Parse(body);
        var sales = await merchant.SalesAsync(from, to);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => SalesCalls.Iso(from.AddDays(i))), rows.Select(r => r["date"]));
        foreach (var row in rows)
        {
            var day = sales.Day(DateOnly.Parse(row["date"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((Zone, "CNY"), (row["time_zone"], row["currency"]));
            Assert.Equal(day.Count("payments").ToString(System.Globalization.CultureInfo.InvariantCulture), row["payments"]);
            Assert.Equal(Major(day.Minor("payments", "bill")), row["bill"]);
            Assert.Equal(Major(day.Minor("payments", "fromPrincipal")), row["from_principal"]);
            Assert.Equal(Major(day.Minor("recharges", "principal")), row["recharged_principal"]);
            Assert.Equal(Major(day.Minor("recharges", "bonus")), row["recharged_bonus"]);
            Assert.Equal(Major(day["net"]!["minorUnits"]!.GetValue<long>()), row["net"]);
        }

        var todayRow = rows.Single(r => r["date"] == SalesCalls.Iso(today));
        Assert.Equal(("1", "23.45", "150.00", "12.34"), (todayRow["payments"], todayRow["bill"], todayRow["recharged_principal"], todayRow["recharged_bonus"]));
    }

    [Fact]
    public async Task SalesCsv_ForCashiersOtherMerchantsAndBadInput_IsRefusedWithAClearMessage()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await merchant.AddCashierAsync();
        var day = new DateOnly(2026, 11, 1);
        var path = SalesCsvPath(merchant.MerchantId, day, day.AddDays(29));

        Assert.Equal(401, (await GetAsync(host, null, path)).Status);
        await AssertRefusedAsync(host, cashier, path, 403, "Only this merchant's owner and analysts may see this.");
        await AssertRefusedAsync(host, other.OwnerToken, path, 403, "Only this merchant's owner and analysts may see this.");
        await AssertRefusedAsync(host, merchant.OwnerToken, SalesCsvPath(merchant.MerchantId, day, day.AddDays(-1)), 400, "'from' must not be later than 'to'.");
        await AssertRefusedAsync(host, merchant.OwnerToken, SalesCsvPath(merchant.MerchantId, day, day.AddDays(3_660)), 400, "An export covers at most 3660 days; this range has 3661.");
        await AssertRefusedAsync(host, merchant.OwnerToken, path.Replace("from=2026-11-01", "from=2026-11-31"), 400, "'from' is not a date (YYYY-MM-DD): '2026-11-31'.");
        await AssertRefusedAsync(host, merchant.OwnerToken, path.Replace("&to=2026-11-30", string.Empty), 400, "'to' is required (a date, YYYY-MM-DD).");
        await AssertRefusedAsync(host, merchant.OwnerToken, SalesCsvPath(Guid.NewGuid().ToString(), day, day), 400, "The merchant was not found.");
        await AssertRefusedAsync(host, merchant.OwnerToken, SalesCsvPath("not-a-merchant", day, day), 400, "'not-a-merchant' is not a merchant id.");
    }

    private static async Task AssertRefusedAsync(CodeScanHost host, string token, string path, int status, string message)
    {
        var response = await GetAsync(host, token, path);
        Assert.Equal((status, "application/json; charset=utf-8"), (response.Status, response.ContentType));
        Assert.Equal(message, System.Text.Json.Nodes.JsonNode.Parse(response.Body)!["error"]!.GetValue<string>());
    }

    private static string Major(long minorUnits) => (minorUnits / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class EmbeddedSalesExportTests() : SalesExportTests(StoreMode.Embedded);

public sealed class MariaDbSalesExportTests() : SalesExportTests(StoreMode.MariaDbRedis);
