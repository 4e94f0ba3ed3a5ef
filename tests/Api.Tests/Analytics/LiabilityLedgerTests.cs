using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, consistency: after purchases paid through the provider, recharges with bonus, card and coupon
/// sales at the counter, payments in every mode and channel, reversals and write-offs, the liability report
/// equals the ledger's customer balances and deferred revenue to the minor unit, a rebuild of the rollups from
/// the event log gives the same days, and the platform's rollups are the merchants' added up.
/// </summary>
public abstract class LiabilityLedgerTests(StoreMode mode)
{
    [Fact]
    public async Task Liability_AfterAFlowOfEveryKind_EqualsTheLedgerAndARebuild()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        await FlowAsync(host, merchant);
        await FlowAsync(host, other);
        await host.WaitForProjectionsAsync();

        foreach (var m in new[] { merchant, other })
        {
            var liability = await m.LiabilityAsync();
            await m.AssertAgreesWithTheLedgerAsync(liability);
            var outstanding = liability["outstanding"]!;

            // Bob's card: 3 uses, 2 taken, 1 given back, 1 written off: 1 left, 25,000 − ⌊25,000 × 2 ÷ 3⌋. Carol's: 10 unused, 30,000.
            Assert.Equal((2, 11, 38_334L), (outstanding.Number("timesCards", "cards"), outstanding.Number("timesCards", "uses"), outstanding.Minor("timesCards", "value")));

            // The percent-off coupon (no face value, 300 paid) and Carol's coupon, used then given back (1,000 off, 500 paid).
            Assert.Equal((2, 1_000L, 800L), (outstanding.Number("coupons", "count"), outstanding.Minor("coupons", "faceValue"), outstanding.Minor("coupons", "deferredRevenue")));
            Assert.Equal((1, 50_000L), (outstanding.Number("membershipCards", "count"), outstanding.Minor("membershipCards", "deferredRevenue")));
            Assert.Equal(Flat(outstanding), Flat(liability.Bucket(0)));
            Assert.Equal("CNY", outstanding["storedValue"]!["principal"]!["currency"]!.GetValue<string>());
        }

        var merchants = new[] { merchant, other }.Select(m => GlobalId.ToMerchantId(m.MerchantId).Value).ToList();
        await LiabilityRebuild.AssertLiveEqualsRebuildAsync(host, merchants);
        await AssertPlatformIsTheSumAsync(host.Services.GetRequiredService<ILiabilityStore>(), merchants);
        await LedgerCheck.AssertBalancedAsync(host);
    }

    private static long[] Flat(System.Text.Json.Nodes.JsonNode figures) => LiabilityCalls.Flat(figures);

    /// <summary>The platform's CNY days hold the merchants' counters added up, day by day.</summary>
    private static async Task AssertPlatformIsTheSumAsync(ILiabilityStore store, IReadOnlyList<Guid> merchants)
    {
        var platform = await store.GetDaysAsync(PlatformScope.Of("CNY"), LiabilityRebuild.Horizon, CancellationToken.None);
        var expected = new Dictionary<(DateOnly, string), long>();
        foreach (var merchantId in merchants)
        {
            foreach (var (day, counters) in await store.GetDaysAsync(merchantId, LiabilityRebuild.Horizon, CancellationToken.None))
            {
                foreach (var (name, value) in counters)
                {
                    expected[(day, name)] = expected.GetValueOrDefault((day, name)) + value;
                }
            }
        }

        var actual = platform.SelectMany(d => d.Counters.Select(c => (Key: (d.Day, c.Key), c.Value))).Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(expected.Where(c => c.Value != 0).OrderBy(c => c.Key), actual.OrderBy(c => c.Key));
        Assert.Contains(platform, d => d.Counters.ContainsKey("cardValue.0"));
        Assert.Empty(await store.GetDaysAsync(PlatformScope.Of("USD"), LiabilityRebuild.Horizon, CancellationToken.None));
    }

    /// <summary>
    /// Alice: recharge with bonus, a membership card, two stored-value payments (one with the rest outside), a partial
    /// reversal. Bob: a times card paid by scan and by write-off with a use given back, a paid coupon used with the rest
    /// outside, a percent-off coupon kept. Carol: a recharge plan, a times card and a coupon bought through the provider;
    /// the coupon used with stored value and the payment fully reversed, which gives the coupon back.
    /// </summary>
    private static async Task FlowAsync(CodeScanHost host, MerchantScenario merchant)
    {
        var alice = Phones.Next();
        var aliceToken = await host.SignInAsync(alice);
        Assert.Empty((await merchant.RechargeAsync(alice, 10_000, bonus: 2_000)).Data("rechargeAtCounter").ErrorCodes());
        await merchant.GiveMembershipCardAsync(alice);
        var discounted = (await merchant.RedeemStoredValueAsync(aliceToken, 3_000))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.RedeemStoredValueAsync(aliceToken, 15_000, payRestWith: "STORED_VALUE_THEN_OUTSIDE")).ErrorCodes());
        Assert.Empty((await merchant.ReverseAsync(discounted, amount: 1_000)).ErrorCodes());

        var bob = Phones.Next();
        var bobToken = await host.SignInAsync(bob);
        var card = await merchant.GiveTimesCardAsync(bob, uses: 3, price: 25_000);
        var used = (await merchant.RedeemTimesCardAsync(bobToken, card, uses: 2))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.ReverseAsync(used, uses: 1)).ErrorCodes());
        var code = (await host.RequestWriteOffCodeAsync(bobToken, timesCardId: card, uses: 1))["writeOffCode"]!["code"]!.GetValue<string>();
        Assert.Empty((await merchant.WriteOffAsync(code)).ErrorCodes());
        var coupon = await merchant.GiveCouponAsync(bob, new { kind = "CASH_OFF", amountOff = 1_000L }, "10 off", price: 500);
        Assert.Empty((await merchant.RedeemCouponAsync(bobToken, coupon, 3_000, payRestWith: "OUTSIDE")).ErrorCodes());
        await merchant.GiveCouponAsync(bob, new { kind = "PERCENT_OFF", percentOff = 10, cap = 2_000L }, "10% off", price: 300);

        var carolToken = await host.SignInAsync(Phones.Next());
        var plan = (await merchant.RechargePlanAsync(payEvery: 10_000, bonusEach: 2_000, minAmount: 10_000, maxAmount: 100_000)).Id("rechargePlan");
        var timesCard = (await merchant.TimesCardAsync(price: 30_000, uses: 10)).Id("cardProduct");
        var paidCoupon = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 1_000L }, price: 500, name: "Bought coupon")).Id("couponTemplate");
        foreach (var item in new object[] { new { rechargePlanId = plan, amount = 25_000L }, new { cardProductId = timesCard }, new { couponTemplateId = paidCoupon } })
        {
            var order = (await host.PurchaseAsync(carolToken, merchant.MerchantId, item)).Id("order");
            await host.WaitForOrderAsync(carolToken, order, "PAID");
        }

        await host.WaitForProjectionsAsync();
        var carolCoupon = (await host.GraphQLAsync(carolToken, "query($m: ID!) { wallet(merchantId: $m) { coupons { id } } }", new { m = merchant.MerchantId }))
            .Data("wallet")["coupons"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var withCoupon = (await merchant.RedeemCouponAsync(carolToken, carolCoupon, 4_000))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.ReverseAsync(withCoupon)).ErrorCodes());
    }
}

public sealed class EmbeddedLiabilityLedgerTests() : LiabilityLedgerTests(StoreMode.Embedded);

public sealed class MariaDbLiabilityLedgerTests() : LiabilityLedgerTests(StoreMode.MariaDbRedis);
