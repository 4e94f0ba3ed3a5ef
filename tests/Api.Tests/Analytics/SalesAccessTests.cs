using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, who sees what and bad input: the owner and its analysts read the report, nobody else; an analyst
/// reads and does nothing else; a range that runs backwards or is too long for its granularity is refused with
/// a clear error and changes nothing.
/// </summary>
public abstract class SalesAccessTests(StoreMode mode)
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Theory]
    [InlineData("DAY", 366)]
    [InlineData("WEEK", 731)]
    [InlineData("MONTH", 1_827)]
    public async Task Sales_WhenTheRangeIsLongerThanItsGranularityAllows_IsRefusedAndTheLongestAllowedAnswers(string granularity, int maxDays)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        var longest = await merchant.SalesAsync(Day, Day.AddDays(maxDays - 1), granularity);
        Assert.Equal(maxDays, longest["periods"]!.AsArray().Sum(p => DateOnly.Parse(p!["to"]!.GetValue<string>()).DayNumber - DateOnly.Parse(p["from"]!.GetValue<string>()).DayNumber + 1));

        var refused = await host.SalesResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(maxDays), granularity);
        Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
        Assert.Equal($"A {granularity} report covers at most {maxDays} days; this range has {maxDays + 1}.", refused.ErrorMessages());
        Assert.Null(refused["data"]!["merchantSales"]);
    }

    [Fact]
    public async Task Sales_WhenTheRangeRunsBackwards_IsRefused()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        var refused = await host.SalesResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(-1));

        Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
        Assert.Equal("'from' must not be later than 'to'.", refused.ErrorMessages());
        var oneDay = await merchant.SalesAsync(Day, Day, "WEEK");
        Assert.Equal((Iso(Day), Iso(Day)), (oneDay["periods"]![0]!["from"]!.GetValue<string>(), oneDay["periods"]![0]!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Sales_ForAnotherMerchantOrAnUnknownOne_IsRefused()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await merchant.AddCashierAsync();

        Assert.Equal("FORBIDDEN", (await host.SalesResponseAsync(other.OwnerToken, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.SalesResponseAsync(cashier, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", (await host.SalesResponseAsync(null, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.SalesResponseAsync(merchant.OwnerToken, GlobalId.Encode("Merchant", Guid.NewGuid()), Day, Day)).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.SalesResponseAsync(merchant.OwnerToken, "not-an-id", Day, Day)).GraphQLErrorCode());
    }

    [Fact]
    public async Task Analyst_ReadsTheSalesAndNothingElse_UntilRemoved()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, analyst) = await merchant.AddAnalystAsync();
        var (customerPhone, _) = await merchant.FundedCustomerAsync(5_000);
        await host.WaitForProjectionsAsync();
        var today = LocalDate(DateTimeOffset.UtcNow, "Asia/Shanghai");

        var sales = await merchant.SalesAsync(today.AddDays(-1), today.AddDays(1), token: analyst);
        Assert.Equal(5_000, sales["total"]!.Minor("recharges", "principal"));

        // No full phone number, nothing at the till, nothing in the back office.
        var details = await host.GraphQLAsync(analyst, "query($id: ID!) { merchant(id: $id) { name businessLicenceNumber decisions { kind } contactPhone staff { phone } } }", new { id = merchant.MerchantId });
        Assert.Equal(("Tea House", "91310000MA1234"), (details["data"]!["merchant"]!["name"]!.GetValue<string>(), details["data"]!["merchant"]!["businessLicenceNumber"]!.GetValue<string>()));
        Assert.Equal("APPROVED", details["data"]!["merchant"]!["decisions"]![0]!["kind"]!.GetValue<string>());
        Assert.Null(details["data"]!["merchant"]!["contactPhone"]);
        Assert.Null(details["data"]!["merchant"]!["staff"]);
        Assert.Equal(
            [("contactPhone", "FORBIDDEN"), ("staff", "FORBIDDEN")],
            details["errors"]!.AsArray().Select(e => (e!["path"]![1]!.GetValue<string>(), e["extensions"]!["code"]!.GetValue<string>())).Order());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(analyst, Gql.RechargeAtCounter, new
        {
            input = new { merchantId = merchant.MerchantId, customerPhone, amount = 100L, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(analyst, Records.RecordCalls.MerchantRecords, new { m = merchant.MerchantId })).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(analyst, SetTimeZone, new { input = new { merchantId = merchant.MerchantId, timeZone = "UTC" } })).GraphQLErrorCode());

        // The owner sees the analyst on the staff; once removed, the report is closed to them.
        var staff = await host.GraphQLAsync(merchant.OwnerToken, "query($id: ID!) { merchant(id: $id) { staff { role phone } } }", new { id = merchant.MerchantId });
        Assert.Contains(staff.Data("merchant")["staff"]!.AsArray(), s => s!["role"]!.GetValue<string>() == "ANALYST" && s["phone"]!.GetValue<string>().EndsWith(phone[^8..], StringComparison.Ordinal));
        Assert.Empty((await host.GraphQLAsync(merchant.OwnerToken, RemoveAnalyst, new { input = new { merchantId = merchant.MerchantId, phone } })).Data("removeAnalyst").ErrorCodes());
        Assert.Equal("FORBIDDEN", (await host.SalesResponseAsync(analyst, merchant.MerchantId, today, today)).GraphQLErrorCode());
    }
}

public sealed class EmbeddedSalesAccessTests() : SalesAccessTests(StoreMode.Embedded);

public sealed class MariaDbSalesAccessTests() : SalesAccessTests(StoreMode.MariaDbRedis);
