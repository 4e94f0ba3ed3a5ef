using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Records;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, coupon and card performance and customers: after coupons claimed, sold and given at the counter,
/// cards used by scan and by write-off, whole and partial reversals, the reports say what the merchant's records
/// say over the same local dates, and a rebuild of the read models from the event log gives the same answers.
/// </summary>
public abstract class PerformanceTotalsTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task PerformanceAndCustomers_AfterAFlowOfEveryKind_MatchTheRecordsAndARebuild()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var from = LocalDate(DateTimeOffset.UtcNow, Zone);
        await FlowAsync(host, merchant);
        await FlowAsync(host, other);
        await host.WaitForProjectionsAsync();
        var to = LocalDate(DateTimeOffset.UtcNow, Zone);

        var records = await host.PageAllAsync(merchant.OwnerToken, "merchantRecords", new()
        {
            ["m"] = merchant.MerchantId, ["from"] = StartOf(from, Zone), ["to"] = StartOf(to.AddDays(1), Zone),
        }, 100);
        var report = await merchant.PerformanceAsync(from, to);
        Assert.Equal(["10 off", "Gold member", "5 washes", "Paid 5 off"], report["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        AssertMatchesTheRecords(report, records);

        var tenOff = report.Item("10 off");
        Assert.Equal((2, 0, 1, 1), (tenOff["issued"]!.Int("total"), tenOff["issued"]!.Int("sold"), tenOff["issued"]!.Int("claimed"), tenOff["issued"]!.Int("atCounter")));
        Assert.Equal((3, 1, 0, 1.0, 0.5), (tenOff.Int("redeemed"), tenOff.Int("reversed"), tenOff.Int("expired"), tenOff["redemptionRate"]!.GetValue<double>(), tenOff["medianMinutesToRedeem"]!.GetValue<double>()));
        var paid = report.Item("Paid 5 off");
        Assert.Equal((1, 500L, 0, 0.0), (paid["issued"]!.Int("sold"), paid["issued"]!.Minor("amount"), paid.Int("redeemed"), paid["redemptionRate"]!.GetValue<double>()));
        Assert.Null(paid["medianMinutesToRedeem"]);
        var washes = report.Item("5 washes");
        Assert.Equal(("TIMES_CARD", 1, 25_000L, 2, 3, 1, 1, 1.0), (washes["kind"]!.GetValue<string>(), washes["issued"]!.Int("atCounter"), washes["issued"]!.Minor("amount"),
            washes.Int("redeemed"), washes.Int("timesCardUses"), washes.Int("reversed"), washes.Int("timesCardUsesGivenBack"), washes["redemptionRate"]!.GetValue<double>()));
        var gold = report.Item("Gold member");
        Assert.Equal(("MEMBERSHIP_CARD", 0), (gold["kind"]!.GetValue<string>(), gold.Int("reversed")));
        Assert.Null(gold["redemptionRate"]);
        Assert.Equal(["10 off", "5 washes", "Gold member", "Paid 5 off"], (await merchant.PerformanceAsync(from, to, "ISSUED"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));

        var payments = records.Where(r => Is(r, "REDEMPTION")).ToList();
        var customers = await merchant.CustomersAsync(from, to);
        var total = customers["total"]!;
        Assert.Equal((2, 2, 0, 2, payments.Count), total.Counts());
        Assert.Equal(payments.Sum(r => r.Minor("amount")), total.Minor("bill"));
        Assert.Equal((long)Math.Round((decimal)payments.Sum(r => r.Minor("amount")) / payments.Count, MidpointRounding.AwayFromZero), total.Minor("averageTicket"));
        Assert.Equal(1.0, total["repeatRate"]!.GetValue<double>());
        foreach (var granularity in new[] { "WEEK", "MONTH" })
        {
            Assert.Equal(total.ToJsonString(), (await merchant.CustomersAsync(from, to, granularity))["total"]!.ToJsonString());
        }

        await AnalyticsRebuild.AssertLiveEqualsRebuildAsync(host, [GlobalId.ToMerchantId(merchant.MerchantId).Value, GlobalId.ToMerchantId(other.MerchantId).Value], from, to);
    }

    /// <summary>The rows of each kind, added up, against the records of the same payments, reversals and issues.</summary>
    private static void AssertMatchesTheRecords(JsonObject report, List<JsonObject> records)
    {
        var items = report["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        long Sum(string kind, Func<JsonObject, long> value) => items.Where(i => i["kind"]!.GetValue<string>() == kind).Sum(value);
        List<JsonObject> Of(string kind, string? mode = null) => [.. records.Where(r => Is(r, kind) && (mode is null || r["mode"]?.GetValue<string>() == mode))];

        Assert.Equal(Of("REDEMPTION", "COUPON").Count, Sum("COUPON", i => i.Int("redeemed")));
        Assert.Equal(Of("REDEMPTION", "COUPON").Sum(r => r.Minor("amount")), Sum("COUPON", i => i.Minor("bill")));
        Assert.Equal(Of("REDEMPTION", "COUPON").Sum(r => r.Minor("couponDiscount")), Sum("COUPON", i => i.Minor("discount")));
        Assert.Equal(Of("REDEMPTION", "TIMES_CARD").Count, Sum("TIMES_CARD", i => i.Int("redeemed")));
        Assert.Equal(Of("REDEMPTION", "TIMES_CARD").Sum(r => -r["usesChange"]!.GetValue<int>()), Sum("TIMES_CARD", i => i.Int("timesCardUses")));
        var membership = Of("REDEMPTION").Where(r => r.Minor("membershipDiscount") > 0).ToList();
        Assert.NotEmpty(membership);
        Assert.Equal(membership.Count, Sum("MEMBERSHIP_CARD", i => i.Int("redeemed")));
        Assert.Equal(membership.Sum(r => r.Minor("membershipDiscount")), Sum("MEMBERSHIP_CARD", i => i.Minor("discount")));
        Assert.Equal(Of("REVERSAL").Count, Sum("COUPON", i => i.Int("reversed")) + Sum("TIMES_CARD", i => i.Int("reversed")));
        Assert.Equal(Of("REVERSAL").Sum(r => r.Minor("principalChange") + r.Minor("bonusChange") + r.Minor("paidOutside")), items.Sum(i => i.Minor("refunded")));
        var issued = records.Where(r => Is(r, "ISSUANCE") && r["itemKind"]!.GetValue<string>() != "STORED_VALUE").ToList();
        Assert.Equal(issued.Count, items.Sum(i => i["issued"]!.Int("total")));
        Assert.Equal(issued.Sum(r => r.Minor("amount")), items.Sum(i => i["issued"]!.Minor("amount")));
    }

    /// <summary>
    /// Alice claims "10 off", has a membership card, pays with the coupon, is given the whole payment back, pays
    /// with it again and pays once more from stored value; Bob gets "10 off" and a times card at the counter, uses
    /// the card by scan and by write-off (one use given back) and the coupon with the rest paid outside; Carol buys
    /// "Paid 5 off" and never uses it.
    /// </summary>
    internal static async Task FlowAsync(CodeScanHost host, MerchantScenario merchant)
    {
        var tenOff = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 1_000L }, name: "10 off"))["couponTemplate"]!["id"]!.GetValue<string>();
        var alice = Phones.Next();
        var aliceToken = await host.SignInAsync(alice);
        Assert.Empty((await merchant.RechargeAsync(alice, 20_000)).Data("rechargeAtCounter").ErrorCodes());
        await merchant.GiveMembershipCardAsync(alice);
        var claimed = (await host.ClaimAsync(aliceToken, merchant.MerchantId, tenOff)).Id("instrument");
        var first = (await merchant.RedeemCouponAsync(aliceToken, claimed, 3_000))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.ReverseAsync(first)).ErrorCodes());
        Assert.Empty((await merchant.RedeemCouponAsync(aliceToken, claimed, 4_000)).ErrorCodes());
        Assert.Empty((await merchant.RedeemStoredValueAsync(aliceToken, 2_000)).ErrorCodes());

        var bob = Phones.Next();
        var bobToken = await host.SignInAsync(bob);
        var card = await merchant.GiveTimesCardAsync(bob, uses: 5, price: 25_000, name: "5 washes");
        var used = (await merchant.RedeemTimesCardAsync(bobToken, card, uses: 2))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.ReverseAsync(used, uses: 1)).ErrorCodes());
        var code = (await host.RequestWriteOffCodeAsync(bobToken, timesCardId: card, uses: 1))["writeOffCode"]!["code"]!.GetValue<string>();
        Assert.Empty((await merchant.WriteOffAsync(code)).ErrorCodes());
        var counter = await merchant.IssueAtCounterAsync(bob, new { couponTemplateId = tenOff });
        Assert.Empty((await merchant.RedeemCouponAsync(bobToken, counter.Id("instrument"), 3_000, payRestWith: "OUTSIDE")).ErrorCodes());

        var paid = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, price: 500, name: "Paid 5 off"))["couponTemplate"]!["id"]!.GetValue<string>();
        var carolToken = await host.SignInAsync(Phones.Next());
        var order = (await host.PurchaseAsync(carolToken, merchant.MerchantId, new { couponTemplateId = paid })).Id("order");
        await host.WaitForOrderAsync(carolToken, order, "PAID");
    }

    private static bool Is(JsonObject record, string kind) => record["kind"]!.GetValue<string>() == kind;
}

public sealed class EmbeddedPerformanceTotalsTests() : PerformanceTotalsTests(StoreMode.Embedded);

public sealed class MariaDbPerformanceTotalsTests() : PerformanceTotalsTests(StoreMode.MariaDbRedis);
