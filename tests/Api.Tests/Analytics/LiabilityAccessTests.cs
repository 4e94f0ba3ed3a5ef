using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, who sees the liability and bad input: the owner and its analysts, nobody else; a future or absurd
/// <c>asOf</c>, an unknown merchant and another merchant's report are refused with a clear error, and nothing changes.
/// </summary>
public abstract class LiabilityAccessTests(StoreMode mode)
{
    [Fact]
    public async Task Liability_AsOfADayLaterThanTheMerchantsToday_IsRefusedAndChangesNothing()
    {
        // 23:30 in New York: Shanghai and UTC are already on the next day, the merchant is not.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var today = LocalDate(clock.GetUtcNow(), "America/New_York").AddDays(1);
        clock.SetUtcNow(StartOf(today.AddDays(1), "America/New_York").AddMinutes(-30));
        var merchant = await MerchantScenario.ApprovedAsync(host);
        Assert.Empty((await merchant.SetTimeZoneAsync("America/New_York")).ErrorCodes());
        await merchant.FundedCustomerAsync(5_000);
        await host.WaitForProjectionsAsync();
        var before = await LedgerCheck.FingerprintAsync(host);

        var tomorrow = await host.LiabilityResponseAsync(merchant.OwnerToken, merchant.MerchantId, today.AddDays(1));
        Assert.Equal("BAD_USER_INPUT", tomorrow.GraphQLErrorCode());
        Assert.Equal($"'asOf' ({Iso(today.AddDays(1))}) is later than today ({Iso(today)}) in the merchant's time zone (America/New_York).", tomorrow.ErrorMessages());
        Assert.Null(tomorrow["data"]!["merchantLiability"]);

        foreach (var absurd in new[] { new DateOnly(1999, 12, 31), new DateOnly(9999, 12, 31), today.AddYears(2) })
        {
            var refused = await host.LiabilityResponseAsync(merchant.OwnerToken, merchant.MerchantId, absurd);
            Assert.Equal("BAD_USER_INPUT", refused.GraphQLErrorCode());
            Assert.Equal($"'asOf' must be a past or present date from 2000-01-01; {Iso(absurd)} is not.", refused.ErrorMessages());
        }

        Assert.Equal("INVALID_VALUE", (await host.GraphQLAsync(merchant.OwnerToken, LiabilityCalls.MerchantLiability, new { m = merchant.MerchantId, asOf = "2026-02-30" })).GraphQLErrorCode());
        var now = await merchant.LiabilityAsync(today);
        Assert.Equal((5_000L, Iso(today)), (now["outstanding"]!.Minor("storedValue", "principal"), now["asOf"]!.GetValue<string>()));
        Assert.Equal(0, (await merchant.LiabilityAsync(new DateOnly(2000, 1, 1)))["outstanding"]!.Minor("storedValue", "total"));
        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
    }

    [Fact]
    public async Task Liability_ForAnotherMerchantOrAnUnknownOne_IsRefused_AndAnAnalystReadsIt()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var cashier = await merchant.AddCashierAsync();
        var (_, analyst) = await merchant.AddAnalystAsync();
        var (_, customer) = await merchant.FundedCustomerAsync(5_000);
        await host.WaitForProjectionsAsync();

        Assert.Equal("FORBIDDEN", (await host.LiabilityResponseAsync(other.OwnerToken, merchant.MerchantId)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.LiabilityResponseAsync(cashier, merchant.MerchantId)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.LiabilityResponseAsync(customer, merchant.MerchantId)).GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", (await host.LiabilityResponseAsync(null, merchant.MerchantId)).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.LiabilityResponseAsync(merchant.OwnerToken, GlobalId.Encode("Merchant", Guid.NewGuid()))).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.LiabilityResponseAsync(merchant.OwnerToken, "not-an-id")).GraphQLErrorCode());

        var seen = await merchant.LiabilityAsync(token: analyst);
        Assert.Equal(5_000L, seen["outstanding"]!.Minor("storedValue", "principal"));
        Assert.DoesNotContain("phone", seen.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, (await other.LiabilityAsync())["outstanding"]!.Minor("storedValue", "total"));
    }
}

public sealed class EmbeddedLiabilityAccessTests() : LiabilityAccessTests(StoreMode.Embedded);

public sealed class MariaDbLiabilityAccessTests() : LiabilityAccessTests(StoreMode.MariaDbRedis);
