using CodeScan.Api.Tests.Analytics;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// A merchant whose liability has something in every aging bucket and in breakage, and whose coupons did
/// differently, made through the API on a FakeTimeProvider moved forward by days (nothing sleeps):
/// 400 days ago Alice recharged (over 365 days old now), 200 days ago Bob (181–365), 100 days ago Bob was sold a
/// times card and used it once (91–180), 40 days ago Alice got a membership card (31–90) and two 30-day coupons
/// were given that expired unused 10 days ago (breakage; one was paid for), 5 days ago Carol recharged (0–30),
/// Alice, Bob and Carol claimed "Welcome 10 off", Alice claimed "5 off", and three hours later Alice and Bob paid
/// with their welcome coupons. Then the clock catches up with now. Every step signs in afresh: tokens expire.
/// </summary>
public static class DashboardLiabilitySeed
{
    public const string Zone = "America/New_York";

    /// <summary>Starts a host on a clock 400 days back, seeds it, and leaves the clock at now; returns the merchant and its analyst's phone.</summary>
    public static async Task<(CodeScanHost Host, MerchantScenario Merchant, string AnalystPhone)> StartAsync(StoreMode mode)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-400));
        var host = await CodeScanHost.StartAsync(mode, clock);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        Assert.Empty((await merchant.SetTimeZoneAsync(Zone)).ErrorCodes());
        var (analyst, _) = await merchant.AddAnalystAsync();
        var catalog = await CatalogAsync(merchant);
        var (alice, bob, carol) = (Phones.Next(), Phones.Next(), Phones.Next());
        Assert.Empty((await merchant.RechargeAsync(alice, 30_000, bonus: 3_000)).Data("rechargeAtCounter").ErrorCodes());

        var owner = await AdvanceAsync(clock, merchant, days: 200);
        await RechargeAsync(merchant, owner, bob, 20_000);

        owner = await AdvanceAsync(clock, merchant, days: 100);
        var card = (await merchant.IssueAtCounterAsync(bob, new { cardProductId = catalog.TimesCard }, token: owner)).Id("instrument");
        Assert.Empty((await merchant.RedeemTimesCardAsync(await host.SignInAsync(bob), card, uses: 1)).ErrorCodes());

        owner = await AdvanceAsync(clock, merchant, days: 60);
        await IssueAsync(merchant, owner, alice, new { cardProductId = catalog.Membership });
        await IssueAsync(merchant, owner, alice, new { couponTemplateId = catalog.OldTenOff });
        await IssueAsync(merchant, owner, bob, new { couponTemplateId = catalog.PaidFiveOff });

        owner = await AdvanceAsync(clock, merchant, days: 35);
        await RechargeAsync(merchant, owner, carol, 5_000);
        var claimed = new Dictionary<string, string>();
        foreach (var phone in new[] { alice, bob, carol })
        {
            claimed[phone] = (await host.ClaimAsync(await host.SignInAsync(phone), merchant.MerchantId, catalog.Welcome)).Id("instrument");
        }

        Assert.Empty((await host.ClaimAsync(await host.SignInAsync(alice), merchant.MerchantId, catalog.FiveOff)).ErrorCodes());
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Empty((await merchant.RedeemCouponAsync(await host.SignInAsync(alice), claimed[alice], 3_000)).ErrorCodes());
        Assert.Empty((await merchant.RedeemCouponAsync(await host.SignInAsync(bob), claimed[bob], 4_000)).ErrorCodes());

        clock.SetUtcNow(DateTimeOffset.UtcNow);
        await host.WaitForProjectionsAsync();
        return (host, merchant, analyst);
    }

    private sealed record Catalog(string OldTenOff, string PaidFiveOff, string Welcome, string FiveOff, string TimesCard, string Membership);

    /// <summary>Everything the merchant sells, defined on the first day while the owner's first token is good.</summary>
    private static async Task<Catalog> CatalogAsync(MerchantScenario merchant)
    {
        async Task<string> Coupon(string name, long amountOff, long price = 0) =>
            (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff }, price: price, validityDays: 30, name: name))["couponTemplate"]!["id"]!.GetValue<string>();

        return new Catalog(
            await Coupon("Old 10 off", 1_000),
            await Coupon("Paid 5 off", 500, price: 500),
            await Coupon("Welcome 10 off", 1_000),
            await Coupon("5 off", 500),
            (await merchant.TimesCardAsync(price: 10_000, uses: 4, name: "4 washes"))["cardProduct"]!["id"]!.GetValue<string>(),
            (await merchant.MembershipCardAsync(price: 50_000))["cardProduct"]!["id"]!.GetValue<string>());
    }

    private static async Task<string> AdvanceAsync(FakeTimeProvider clock, MerchantScenario merchant, int days)
    {
        clock.Advance(TimeSpan.FromDays(days));
        return await merchant.Host.SignInAsync(merchant.OwnerPhone);
    }

    private static async Task RechargeAsync(MerchantScenario merchant, string owner, string phone, long amount) =>
        Assert.Empty((await merchant.Host.GraphQLAsync(owner, Gql.RechargeAtCounter, new
        {
            input = new { merchantId = merchant.MerchantId, customerPhone = phone, amount, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("rechargeAtCounter").ErrorCodes());

    private static async Task IssueAsync(MerchantScenario merchant, string owner, string phone, object item) =>
        Assert.Empty((await merchant.IssueAtCounterAsync(phone, item, token: owner)).ErrorCodes());
}
