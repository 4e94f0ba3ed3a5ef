using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Issuance;

/// <summary>An instrument past its validity shows as expired, and an item whose window closed is no longer issued.</summary>
public abstract class ExpiryTests(StoreMode mode)
{
    [Fact]
    public async Task Coupon_WhenItsWindowCloses_ShowsAsExpiredAndCanNoLongerBeClaimed()
    {
        // The service's clock, not the machine's: on a busy machine two real seconds can pass before the first look.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var closesAt = clock.GetUtcNow().AddMinutes(1);
        var defined = await host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.DefineCouponTemplate, new
        {
            input = new { merchantId = merchant.MerchantId, name = "Flash sale", kind = "CASH_OFF", amountOff = 300L, price = 0L, totalStock = 10, perCustomerLimit = 2, validUntil = closesAt },
        });
        var template = defined.Data("defineCouponTemplate").Id("couponTemplate");
        var customer = await host.SignInAsync(Phones.Next());
        Assert.Empty((await host.ClaimAsync(customer, merchant.MerchantId, template)).ErrorCodes());
        await host.WaitForProjectionsAsync();
        Assert.Equal("AVAILABLE", await CouponStatus(host, customer, merchant));

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Equal("EXPIRED", await CouponStatus(host, customer, merchant));
        Assert.Equal(["ITEM_NOT_ON_SALE"], (await host.ClaimAsync(customer, merchant.MerchantId, template)).ErrorCodes());
    }

    private static async Task<string> CouponStatus(CodeScanHost host, string customer, MerchantScenario merchant)
    {
        var wallet = await host.GraphQLAsync(customer, "query($m: ID!) { wallet(merchantId: $m) { coupons { status expiresAt } } }", new { m = merchant.MerchantId });
        return Assert.Single(wallet.Data("wallet")["coupons"]!.AsArray())!["status"]!.GetValue<string>();
    }
}

public sealed class EmbeddedExpiryTests() : ExpiryTests(StoreMode.Embedded);

public sealed class MariaDbExpiryTests() : ExpiryTests(StoreMode.MariaDbRedis);
