using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Money under real concurrency: parallel HTTP requests against one balance never overspend, and a
/// retried request with the same idempotency key has one effect.
/// </summary>
public abstract class ConcurrentRedeemTests(StoreMode mode)
{
    [Fact]
    public async Task Redeem_When50ConcurrentPaymentsOf10Against100_ExactlyTenSucceedAndBalanceIsZero()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);

        var payloads = await Together.FireAsync(50, _ => merchant.RedeemAsync(customer, 1_000));

        var results = payloads.Select(p => p.Data("redeem")).ToList();
        Assert.Equal(10, results.Count(r => r.ErrorCodes().Count == 0));
        Assert.Equal(40, results.Count(r => r.ErrorCodes().SequenceEqual(["INSUFFICIENT_BALANCE"])));

        // Every successful payment saw a distinct balance after: 90.00, 80.00, … 0.00.
        var balancesAfter = results.Where(r => r.ErrorCodes().Count == 0)
            .Select(r => r["redemption"]!["storedValueAfter"]!["minorUnits"]!.GetValue<long>())
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 1_000L), balancesAfter);

        await host.WaitForProjectionsAsync();
        Assert.Equal(0, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Redeem_WhenTheSameIdempotencyKeyIsSentFiveTimesAtOnce_PaysOnceAndAnswersTheSame()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var key = Guid.NewGuid().ToString("N");

        var payloads = await Together.FireAsync(5, _ => merchant.RedeemAsync(customer, 2_500, key));

        var redemptions = payloads.Select(p => p.Data("redeem")).ToList();
        Assert.All(redemptions, r => Assert.Empty(r.ErrorCodes()));
        var first = redemptions[0]["redemption"]!.ToJsonString();
        Assert.All(redemptions, r => Assert.Equal(first, r["redemption"]!.ToJsonString()));
        Assert.Equal(7_500, redemptions[0]["redemption"]!["storedValueAfter"]!["minorUnits"]!.GetValue<long>());

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            Assert.Equal(1, await db.Redemptions.CountAsync());
        }

        await host.WaitForProjectionsAsync();
        Assert.Equal(7_500, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task RechargeAtCounter_WhenTenFirstRechargesForANewNumberArriveAtOnce_RegistersOneCustomerAndCreditsEach()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();

        var payloads = await Together.FireAsync(10, _ => merchant.RechargeAsync(phone, 1_000));

        Assert.All(payloads, p => Assert.Empty(p.Data("rechargeAtCounter").ErrorCodes()));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            Assert.Equal(1, await db.Users.CountAsync(u => u.Phone == Domain.Common.PhoneNumber.Parse(phone).Value!));
        }

        var customer = await host.SignInAsync(phone);
        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task RechargeAtCounter_WhenTheSameIdempotencyKeyIsSentFiveTimesAtOnce_CreditsOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var key = Guid.NewGuid().ToString("N");

        var payloads = await Together.FireAsync(5, _ => merchant.RechargeAsync(phone, 10_000, key, bonus: 2_000));

        var recharges = payloads.Select(p => p.Data("rechargeAtCounter")).ToList();
        Assert.All(recharges, r => Assert.Empty(r.ErrorCodes()));
        Assert.Single(recharges.Select(r => r["recharge"]!["id"]!.GetValue<string>()).Distinct());

        await host.WaitForProjectionsAsync();
        Assert.Equal(12_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Redeem_WhenBalanceHasBonus_SpendsPrincipalFirstThenBonus()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        Assert.Empty((await merchant.RechargeAsync(phone, 10_000, bonus: 2_000)).Data("rechargeAtCounter").ErrorCodes());

        var redemption = (await merchant.RedeemAsync(customer, 11_000)).Data("redeem")["redemption"]!;

        Assert.Equal(10_000, redemption["fromPrincipal"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(1_000, redemption["fromBonus"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(1_000, redemption["storedValueAfter"]!["minorUnits"]!.GetValue<long>());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    /// <summary>Starts every request at the same moment, each on its own task.</summary>
}

public sealed class EmbeddedConcurrentRedeemTests() : ConcurrentRedeemTests(StoreMode.Embedded);

public sealed class MariaDbConcurrentRedeemTests() : ConcurrentRedeemTests(StoreMode.MariaDbRedis);
