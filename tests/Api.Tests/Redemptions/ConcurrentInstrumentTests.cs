using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Issue 5 under real concurrency: one coupon redeemed 20 times at once is used once; a times card with
/// 3 uses and 10 concurrent redemptions gives 3; a reversal raced against itself never over-restores.
/// </summary>
public abstract class ConcurrentInstrumentTests(StoreMode mode)
{
    [Fact]
    public async Task Coupon_Redeemed20TimesAtOnce_IsUsedExactlyOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(100_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 500L }, "5 off", price: 100);

        var payloads = await Together.FireAsync(20, _ => merchant.RedeemCouponAsync(customer, coupon, 2_000));

        Assert.Single(payloads, p => p.ErrorCodes().Count == 0);
        Assert.Equal(19, payloads.Count(p => p.ErrorCodes().SequenceEqual(["COUPON_ALREADY_USED"])));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            Assert.Equal(1, await db.Redemptions.CountAsync());
        }

        // One payment of 20.00 less 5.00 off: 15.00 from stored value.
        await host.WaitForProjectionsAsync();
        Assert.Equal(100_000 - 1_500, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task TimesCard_WithThreeUsesAndTenConcurrentRedemptions_GivesExactlyThree()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 3, price: 10_000);

        var payloads = await Together.FireAsync(10, _ => merchant.RedeemTimesCardAsync(customer, card));

        var accepted = payloads.Where(p => p.ErrorCodes().Count == 0).ToList();
        Assert.Equal(3, accepted.Count);
        Assert.Equal(7, payloads.Count(p => p.ErrorCodes().SequenceEqual(["USES_EXHAUSTED"])));
        Assert.Equal([0, 1, 2], accepted.Select(p => p["redemption"]!["usesLeft"]!.GetValue<int>()).Order());

        // All of the card's price is now sales: 3,333 + 3,333 + 3,334.
        var accounts = await LedgerCheck.MerchantBalancesAsync(host, merchant.MerchantId);
        Assert.Equal((0L, 10_000L), (accounts["MerchantDeferredRevenue"], accounts["MerchantSales"]));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task StoredValue_WhenStoredValueThenOutsidePaymentsRace_NeverGoesBelowZero()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(5_000);

        var payloads = await Together.FireAsync(12, _ => merchant.RedeemStoredValueAsync(customer, 1_500, payRestWith: "STORED_VALUE_THEN_OUTSIDE"));

        Assert.All(payloads, p => Assert.Empty(p.ErrorCodes()));
        var fromStoredValue = payloads.Sum(p => p["redemption"]!.Minor("fromStoredValue"));
        var outside = payloads.Sum(p => p["redemption"]!.Minor("paidOutside"));
        Assert.Equal((5_000L, (12 * 1_500L) - 5_000L), (fromStoredValue, outside));
        await host.WaitForProjectionsAsync();
        Assert.Equal(0, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Reversal_WhenTenStaffReverseThePaymentAtOnce_RestoresItOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var paid = await merchant.RedeemStoredValueAsync(customer, 4_000);
        var redemptionId = paid["redemption"]!["id"]!.GetValue<string>();

        var payloads = await Together.FireAsync(10, _ => merchant.ReverseAsync(redemptionId));

        Assert.Single(payloads, p => p.ErrorCodes().Count == 0);
        Assert.Equal(9, payloads.Count(p => p.ErrorCodes().SequenceEqual(["REVERSAL_EXCEEDS_REMAINING"])));
        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task ReversalsAndPaymentsOfOneCustomer_AtOnce_AllSucceedWithoutADeadlock()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000);
        var paid = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            paid.Add((await merchant.RedeemStoredValueAsync(customer, 100))["redemption"]!["id"]!.GetValue<string>());
        }

        var payloads = await Together.FireAsync(30, i => i % 2 == 0
            ? merchant.ReverseAsync(paid[i / 2])
            : merchant.RedeemStoredValueAsync(customer, 100));

        Assert.All(payloads, p => Assert.Empty(p.ErrorCodes()));
        await host.WaitForProjectionsAsync();
        Assert.Equal(100_000 - (15 * 100), await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);

        // The database's retry would hide a deadlock; InnoDB's own report must not name this test's database.
        if (host.Stores.MySqlConnectionString is { } connectionString)
        {
            var database = new MySqlConnector.MySqlConnectionStringBuilder(connectionString).Database;
            await using var connection = new MySqlConnector.MySqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new MySqlConnector.MySqlCommand("SHOW ENGINE INNODB STATUS", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var status = reader.GetString(2);
            var start = status.IndexOf("LATEST DETECTED DEADLOCK", StringComparison.Ordinal);
            var end = start < 0 ? -1 : status.IndexOf("\nTRANSACTIONS\n", start, StringComparison.Ordinal);
            var latestDeadlock = start < 0 ? string.Empty : status[start..(end < 0 ? status.Length : end)];
            Assert.DoesNotContain($"`{database}`", latestDeadlock, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Payments_BeyondTheCustomersRateLimit_AreRefusedAndChangeNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s =>
        {
            s["RateLimits:Payments"] = "3";
            s["RateLimits:Window"] = "01:00:00";
        });
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var (_, other) = await merchant.FundedCustomerAsync(10_000);

        var key = Guid.NewGuid().ToString("N");
        var first = await merchant.RedeemStoredValueAsync(customer, 100, key);
        Assert.Empty(first.ErrorCodes());

        var payloads = await Together.FireAsync(6, _ => merchant.RedeemStoredValueAsync(customer, 100));

        Assert.Equal(2, payloads.Count(p => p.ErrorCodes().Count == 0));
        Assert.Equal(4, payloads.Count(p => p.ErrorCodes().SequenceEqual(["RATE_LIMITED"])));
        Assert.Empty((await merchant.RedeemStoredValueAsync(other, 100)).ErrorCodes());

        // A retry of the first payment (its answer was lost, say) gets that answer, not RATE_LIMITED.
        Assert.Equal(first.ToJsonString(), (await merchant.RedeemStoredValueAsync(customer, 100, key)).ToJsonString());
        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000 - 300, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }
}

public sealed class EmbeddedConcurrentInstrumentTests() : ConcurrentInstrumentTests(StoreMode.Embedded);

public sealed class MariaDbConcurrentInstrumentTests() : ConcurrentInstrumentTests(StoreMode.MariaDbRedis);
