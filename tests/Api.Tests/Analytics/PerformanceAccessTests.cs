using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, bad input and access: ranges that run backwards or are too long, an unknown merchant and another
/// merchant's reports are refused with clear errors; an analyst reads both reports, a cashier neither.
/// </summary>
public abstract class PerformanceAccessTests(StoreMode mode)
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Fact]
    public async Task Reports_WhenTheRangeRunsBackwardsOrIsTooLong_AreRefusedAndTheLongestAllowedAnswers()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        var backwards = await host.PerformanceResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(-1));
        Assert.Equal(("BAD_USER_INPUT", "'from' must not be later than 'to'."), (backwards.GraphQLErrorCode(), backwards.ErrorMessages()));
        var tooLong = await host.PerformanceResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(366));
        Assert.Equal(("BAD_USER_INPUT", "A performance report covers at most 366 days; this range has 367."), (tooLong.GraphQLErrorCode(), tooLong.ErrorMessages()));
        Assert.Null(tooLong["data"]!["merchantInstrumentPerformance"]);
        Assert.Empty((await merchant.PerformanceAsync(Day, Day.AddDays(365)))["items"]!.AsArray());

        var customersBackwards = await host.CustomersResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(-1));
        Assert.Equal(("BAD_USER_INPUT", "'from' must not be later than 'to'."), (customersBackwards.GraphQLErrorCode(), customersBackwards.ErrorMessages()));
        foreach (var (granularity, max) in new[] { ("DAY", 366), ("WEEK", 731), ("MONTH", 1_827) })
        {
            var refused = await host.CustomersResponseAsync(merchant.OwnerToken, merchant.MerchantId, Day, Day.AddDays(max), granularity);
            Assert.Equal(("BAD_USER_INPUT", $"A {granularity} customer report covers at most {max} days; this range has {max + 1}."), (refused.GraphQLErrorCode(), refused.ErrorMessages()));
            var longest = await merchant.CustomersAsync(Day, Day.AddDays(max - 1), granularity);
            Assert.Equal((0, Day.AddDays(max - 1)), (longest["total"]!.Int("active"), DateOnly.Parse(longest["periods"]!.AsArray()[^1]!["to"]!.GetValue<string>())));
        }
    }

    [Fact]
    public async Task Reports_ForAnotherMerchantOrAnUnknownOne_AreRefused_AndAnAnalystReadsThem()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await Redemptions.RedemptionCalls.AddCashierAsync(merchant);
        var (_, analyst) = await merchant.AddAnalystAsync();

        foreach (var (token, code) in new[] { (other.OwnerToken, "FORBIDDEN"), (cashier, "FORBIDDEN"), ((string?)null, "UNAUTHENTICATED") })
        {
            Assert.Equal(code, (await host.PerformanceResponseAsync(token, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
            Assert.Equal(code, (await host.CustomersResponseAsync(token, merchant.MerchantId, Day, Day)).GraphQLErrorCode());
        }

        var unknown = GlobalId.Encode("Merchant", Guid.NewGuid());
        Assert.Equal("NOT_FOUND", (await host.PerformanceResponseAsync(merchant.OwnerToken, unknown, Day, Day)).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.CustomersResponseAsync(merchant.OwnerToken, "not-an-id", Day, Day)).GraphQLErrorCode());
        Assert.Equal(merchant.MerchantId, (await host.PerformanceResponseAsync(analyst, merchant.MerchantId, Day, Day)).Data("merchantInstrumentPerformance")["merchantId"]!.GetValue<string>());
        Assert.Equal(merchant.MerchantId, (await host.CustomersResponseAsync(analyst, merchant.MerchantId, Day, Day)).Data("merchantCustomers")["merchantId"]!.GetValue<string>());
    }
}

public sealed class EmbeddedPerformanceAccessTests() : PerformanceAccessTests(StoreMode.Embedded);

public sealed class MariaDbPerformanceAccessTests() : PerformanceAccessTests(StoreMode.MariaDbRedis);
