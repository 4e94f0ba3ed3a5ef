using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Issuance;

/// <summary>Free coupons under real parallel requests: the stock and the per-customer limit hold.</summary>
public abstract class ClaimCouponTests(StoreMode mode)
{
    [Fact]
    public async Task ClaimCoupon_When50CustomersClaimAStockOf10AtOnce_ExactlyTenAreIssued()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var template = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, totalStock: 10, perCustomerLimit: 1)).Id("couponTemplate");
        var customers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.SignInAsync(Phones.Next())));

        var payloads = await Together.FireAsync(50, i => host.ClaimAsync(customers[i], merchant.MerchantId, template));

        Assert.Equal(10, payloads.Count(p => p.ErrorCodes().Count == 0));
        Assert.Equal(40, payloads.Count(p => p.ErrorCodes().SequenceEqual(["SOLD_OUT"])));
        await AssertIssuedAsync(host, 10);
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task ClaimCoupon_WhenOneCustomerClaimsFiveTimesAtOnceWithALimitOfOne_OneIsIssued()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var template = (await merchant.CouponAsync(new { kind = "GIFT", giftName = "a milk tea" }, totalStock: 100, perCustomerLimit: 1)).Id("couponTemplate");
        var customer = await host.SignInAsync(Phones.Next());

        var payloads = await Together.FireAsync(5, _ => host.ClaimAsync(customer, merchant.MerchantId, template));

        Assert.Equal(1, payloads.Count(p => p.ErrorCodes().Count == 0));
        Assert.Equal(4, payloads.Count(p => p.ErrorCodes().SequenceEqual(["CUSTOMER_LIMIT_REACHED"])));
        var claimed = payloads.Single(p => p.ErrorCodes().Count == 0)["instrument"]!;
        Assert.Equal(("COUPON", "FREE_CLAIM", 0L), (claimed["kind"]!.GetValue<string>(), claimed["source"]!.GetValue<string>(), claimed["amountPaid"]!["minorUnits"]!.GetValue<long>()));
        await AssertIssuedAsync(host, 1);
    }

    [Fact]
    public async Task ClaimCoupon_WhenReplayedWithTheSameKey_IssuesOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var template = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, totalStock: 10, perCustomerLimit: 3)).Id("couponTemplate");
        var customer = await host.SignInAsync(Phones.Next());
        var key = Guid.NewGuid().ToString("N");

        var first = await host.ClaimAsync(customer, merchant.MerchantId, template, key);
        var again = await host.ClaimAsync(customer, merchant.MerchantId, template, key);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        await AssertIssuedAsync(host, 1);
    }

    private static async Task AssertIssuedAsync(CodeScanHost host, int expected)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
        Assert.Equal(expected, await db.Coupons.CountAsync());
        Assert.Equal(expected, await db.CouponTemplates.Select(t => t.IssuedCount).SingleAsync());
    }
}

public sealed class EmbeddedClaimCouponTests() : ClaimCouponTests(StoreMode.Embedded);

public sealed class MariaDbClaimCouponTests() : ClaimCouponTests(StoreMode.MariaDbRedis);
