using System.Globalization;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesExportCalls;

namespace CodeScan.Api.Tests.Records;

/// <summary>
/// Issue 12, point 7: a merchant's records as CSV for BI tools, over real HTTP (curl and HttpClient), parsed back with
/// CsvHelper and compared field by field with <c>merchantRecords</c> over the same instants; authorized like that field.
/// </summary>
public abstract class RecordsExportTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task RecordsCsv_ForTheOwnerWithCurlAndTheCashier_EqualsMerchantRecordsFieldByField()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        await RecordsTests.Ok(merchant.RechargeAsync(phone, 5_000, bonus: 1_234), "rechargeAtCounter");
        var paid = await RecordsTests.Ok(merchant.RedeemAsync(customer, 2_345), "redeem");
        var payment = paid["redemption"]!["id"]!.GetValue<string>();
        await RecordsTests.Ok(host.GraphQLAsync(merchant.OwnerToken, RedemptionCalls.Reverse, new
        {
            input = new { merchantId = merchant.MerchantId, redemptionId = payment, reason = "=HYPERLINK(\"x\")", idempotencyKey = Guid.NewGuid().ToString("N") },
        }), "reverseRedemption");
        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);
        var (from, to) = (today.AddDays(-1), today.AddDays(1));
        var path = RecordsExportCalls.Path(merchant.MerchantId, from, to);

        var (headers, body) = await CurlAsync(host, merchant.OwnerToken, path);
        var byCashier = await GetAsync(host, await RedemptionCalls.AddCashierAsync(merchant), path);

        Assert.StartsWith("HTTP/1.1 200", headers, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/csv; charset=utf-8; header=present", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cache-Control: no-store", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"filename=\"records_{new string(merchant.MerchantId.Where(char.IsAsciiLetterOrDigit).ToArray())}_{SalesCalls.Iso(from)}_{SalesCalls.Iso(to)}.csv\"", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, byCashier.Body);
        Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
        var rows = Parse(body, RecordsExportCalls.Header);
        var field = await host.PageAllAsync(merchant.OwnerToken, "merchantRecords", new()
        {
            ["m"] = merchant.MerchantId, ["from"] = SalesCalls.StartOf(from, Zone), ["to"] = SalesCalls.StartOf(to.AddDays(1), Zone),
        }, 100);
        Assert.Equal(["REVERSAL", "REDEMPTION", "RECHARGE", "RECHARGE"], rows.Select(r => r["kind"]));
        Assert.Equal(field.Count, rows.Count);
        foreach (var (row, record) in rows.Zip(field))
        {
            RecordsExportCalls.AssertSame(record, row, Zone);
        }

        Assert.Equal(rows[0]["redemption_id"], rows[1]["redemption_id"]);
        Assert.Equal(payment, rows[0]["redemption_id"]);
        Assert.Equal("'=HYPERLINK(\"x\")", rows[0]["reason"]);
        Assert.Equal(("5000", "50.00", "1234", "12.34"), (rows[2]["amount_minor"], rows[2]["amount"], rows[2]["bonus_change_minor"], rows[2]["bonus_change"]));
        Assert.Equal(("-2345", "-23.45"), (rows[1]["principal_change_minor"], rows[1]["principal_change"]));
    }

    [Fact]
    public async Task RecordsCsv_AfterAFlowOfEveryKind_EqualsMerchantRecordsWithItsCardsAndCoupons()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await PerformanceTotalsTests.FlowAsync(host, merchant);
        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);

        var csv = await GetAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, today.AddDays(-1), today));
        var field = await host.PageAllAsync(merchant.OwnerToken, "merchantRecords", new()
        {
            ["m"] = merchant.MerchantId, ["from"] = SalesCalls.StartOf(today.AddDays(-1), Zone), ["to"] = SalesCalls.StartOf(today.AddDays(1), Zone),
        }, 100);

        var rows = Parse(csv.Body, RecordsExportCalls.Header);
        Assert.Equal(field.Count, rows.Count);
        foreach (var (row, record) in rows.Zip(field))
        {
            RecordsExportCalls.AssertSame(record, row, Zone);
        }

        Assert.Equal(["COUPON", "MEMBERSHIP_CARD", "TIMES_CARD"], rows.Select(r => r["item_kind"]).Where(k => k.Length > 0).Distinct().Order());
        Assert.Contains(rows, r => r["kind"] == "REVERSAL" && r["uses_change"].Length > 0 && r["item_id"].Length > 0);
    }

    [Fact]
    public async Task RecordsCsv_OutsideItsLocalDates_HasTheHeaderAlone()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();
        var today = SalesCalls.LocalDate(DateTimeOffset.UtcNow, Zone);

        var before = await GetAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, today.AddDays(-30), today.AddDays(-1)));
        var after = await GetAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, today.AddDays(1), today.AddDays(30)));
        var during = await GetAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, today, today));

        Assert.Equal((200, string.Join(',', RecordsExportCalls.Header) + "\r\n"), (before.Status, before.Body));
        Assert.Equal((200, string.Join(',', RecordsExportCalls.Header) + "\r\n"), (after.Status, after.Body));
        Assert.Equal(SalesCalls.Iso(today), Assert.Single(Parse(during.Body, RecordsExportCalls.Header))["local_date"]);
    }

    [Fact]
    public async Task RecordsCsv_ForAnalystsOtherMerchantsAndBadInput_IsRefusedWithAClearMessage()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var (_, analyst) = await merchant.AddAnalystAsync();
        var customer = await host.SignInAsync(Phones.Next());
        var day = new DateOnly(2026, 11, 1);
        var path = RecordsExportCalls.Path(merchant.MerchantId, day, day.AddDays(29));
        const string StaffOnly = "Only this merchant's staff may do this.";

        Assert.Equal(401, (await GetAsync(host, null, path)).Status);
        await RecordsExportCalls.AssertRefusedAsync(host, analyst, path, 403, StaffOnly);
        await RecordsExportCalls.AssertRefusedAsync(host, customer, path, 403, StaffOnly);
        await RecordsExportCalls.AssertRefusedAsync(host, other.OwnerToken, path, 403, StaffOnly);
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, day, day.AddDays(-1)), 400, "'from' must not be later than 'to'.");
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(merchant.MerchantId, day, day.AddDays(366)), 400, "An export of records covers at most 366 days; this range has 367.");
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, path.Replace("from=2026-11-01", "from=2026-13-01"), 400, "'from' is not a date (YYYY-MM-DD): '2026-13-01'.");
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, path.Replace("from=2026-11-01&", string.Empty), 400, "'from' is required (a date, YYYY-MM-DD).");
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, RecordsExportCalls.Path(Guid.NewGuid().ToString(), day, day), 400, "The merchant was not found.");
        await RecordsExportCalls.AssertRefusedAsync(host, merchant.OwnerToken, RecordsExportCalls.Path("<script>", day, day), 400, "'<script>' is not a merchant id.");
    }
}

public sealed class EmbeddedRecordsExportTests() : RecordsExportTests(StoreMode.Embedded);

public sealed class MariaDbRecordsExportTests() : RecordsExportTests(StoreMode.MariaDbRedis);
