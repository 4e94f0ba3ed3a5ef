using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Records;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;
using static CodeScan.Api.Tests.Analytics.SalesCalls;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>
/// Issue 12, consistency: after payments of every mode and channel, reversals, a recharge and card and coupon
/// sales, the sales report says what the merchant's records say over the same local dates, by day, week and
/// month alike, and a rebuild of the rollups from the event log gives the same figures.
/// </summary>
public abstract class SalesTotalsTests(StoreMode mode)
{
    private const string Zone = "Asia/Shanghai";

    [Fact]
    public async Task Sales_AfterAFlowOfEveryKind_EqualTheSumOfTheMerchantsRecordsAndARebuild()
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
        var sales = await merchant.SalesAsync(from, to);
        var total = sales["total"]!;
        Assert.Equal(ExpectedFrom(records).ToJsonString(), Actual(total).ToJsonString());
        Assert.Equal(11, records.Count);
        Assert.Equal("CNY", total["net"]!["currency"]!.GetValue<string>());

        // Every mode and channel line, against the records of that mode and channel.
        foreach (var line in sales["periods"]!.AsArray().SelectMany(p => p!["paymentsByMode"]!.AsArray())
                     .GroupBy(l => (l!["mode"]!.GetValue<string>(), l["channel"]!.GetValue<string>())))
        {
            var paid = records.Where(r => Is(r, "REDEMPTION") && r["mode"]!.GetValue<string>() == line.Key.Item1 && r["channel"]!.GetValue<string>() == line.Key.Item2).ToList();
            Assert.Equal(paid.Count, line.Sum(l => l!["totals"]!["count"]!.GetValue<int>()));
            Assert.Equal(paid.Sum(r => r.Minor("amount")), line.Sum(l => l!["totals"]!["bill"]!["minorUnits"]!.GetValue<long>()));
            Assert.Equal(paid.Sum(r => r.Minor("paidOutside")), line.Sum(l => l!["totals"]!["paidOutside"]!["minorUnits"]!.GetValue<long>()));
        }

        Assert.Contains(sales["periods"]!.AsArray(), p => p!["paymentsByMode"]!.AsArray().Any(l => l!["channel"]!.GetValue<string>() == "STAFF_WRITE_OFF" && l["totals"]!["count"]!.GetValue<int>() > 0));
        foreach (var granularity in new[] { "WEEK", "MONTH" })
        {
            Assert.Equal(Actual(total).ToJsonString(), Actual((await merchant.SalesAsync(from, to, granularity))["total"]!).ToJsonString());
        }

        Assert.Equal(Actual(total).ToJsonString(), Summed(sales["periods"]!.AsArray().Select(p => Actual(p!))).ToJsonString());
        await SalesRebuild.AssertLiveEqualsRebuildAsync(host, [GlobalId.ToMerchantId(merchant.MerchantId).Value, GlobalId.ToMerchantId(other.MerchantId).Value], from, to);
    }

    /// <summary>Two customers: stored value with a membership discount and with the rest paid outside, a times card by scan and by write-off, a coupon with the rest outside, two reversals.</summary>
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
        var card = await merchant.GiveTimesCardAsync(bob, uses: 5, price: 25_000);
        var used = (await merchant.RedeemTimesCardAsync(bobToken, card, uses: 2))["redemption"]!["id"]!.GetValue<string>();
        Assert.Empty((await merchant.ReverseAsync(used, uses: 1)).ErrorCodes());
        var code = (await host.RequestWriteOffCodeAsync(bobToken, timesCardId: card, uses: 1))["writeOffCode"]!["code"]!.GetValue<string>();
        Assert.Empty((await merchant.WriteOffAsync(code)).ErrorCodes());
        var coupon = await merchant.GiveCouponAsync(bob, new { kind = "CASH_OFF", amountOff = 1_000L }, "10 off", price: 500);
        Assert.Empty((await merchant.RedeemCouponAsync(bobToken, coupon, 3_000, payRestWith: "OUTSIDE")).ErrorCodes());
    }

    private static bool Is(JsonObject record, string kind) => record["kind"]!.GetValue<string>() == kind;

    /// <summary>The report's figures, from the records: what each record added or took.</summary>
    private static JsonObject ExpectedFrom(IReadOnlyList<JsonObject> records)
    {
        long Sum(string kind, Func<JsonObject, long> value) => records.Where(r => Is(r, kind)).Sum(value);
        long Count(string kind, Func<JsonObject, bool>? also = null) => records.Count(r => Is(r, kind) && (also?.Invoke(r) ?? true));
        bool IsCard(JsonObject r) => r["itemKind"]!.GetValue<string>() is "TIMES_CARD" or "MEMBERSHIP_CARD";
        var paid = Sum("REDEMPTION", r => -r.Minor("principalChange") - r.Minor("bonusChange") + r.Minor("paidOutside"));
        var refunded = Sum("REVERSAL", r => r.Minor("principalChange") + r.Minor("bonusChange") + r.Minor("paidOutside"));
        return Figures(
            [Count("REDEMPTION"), Sum("REDEMPTION", r => r.Minor("amount")), Sum("REDEMPTION", r => r.Minor("membershipDiscount")), Sum("REDEMPTION", r => r.Minor("couponDiscount")),
             Sum("REDEMPTION", r => -r.Minor("principalChange")), Sum("REDEMPTION", r => -r.Minor("bonusChange")), Sum("REDEMPTION", r => r.Minor("paidOutside")),
             Sum("REDEMPTION", r => -(r["usesChange"]?.GetValue<int>() ?? 0))],
            [Count("REVERSAL"), Sum("REVERSAL", r => r.Minor("principalChange")), Sum("REVERSAL", r => r.Minor("bonusChange")), Sum("REVERSAL", r => r.Minor("paidOutside")), Sum("REVERSAL", r => r["usesChange"]?.GetValue<int>() ?? 0)],
            [Count("RECHARGE"), Sum("RECHARGE", r => r.Minor("principalChange")), Sum("RECHARGE", r => r.Minor("bonusChange"))],
            [Count("ISSUANCE", IsCard), records.Where(r => Is(r, "ISSUANCE") && IsCard(r)).Sum(r => r.Minor("amount")),
             Count("ISSUANCE", r => !IsCard(r)), records.Where(r => Is(r, "ISSUANCE") && !IsCard(r)).Sum(r => r.Minor("amount"))],
            paid - refunded);
    }

    private static JsonObject Actual(JsonNode period)
    {
        long[] Of(string section, params string[] fields) =>
            [period[section]!["count"]!.GetValue<int>(), .. fields.Select(f => f == "timesCardUses" ? period[section]![f]!.GetValue<int>() : period.Minor(section, f))];
        return Figures(
            Of("payments", "bill", "membershipDiscount", "couponDiscount", "fromPrincipal", "fromBonus", "paidOutside", "timesCardUses"),
            Of("reversals", "principal", "bonus", "outside", "timesCardUses"),
            Of("recharges", "principal", "bonus"),
            [.. Of("cardSales", "amount"), .. Of("couponSales", "amount")],
            period["net"]!["minorUnits"]!.GetValue<long>());
    }

    private static JsonObject Figures(long[] payments, long[] reversals, long[] recharges, long[] issuance, long net) => new()
    {
        ["payments"] = new JsonArray([.. payments.Select(v => (JsonNode)v)]),
        ["reversals"] = new JsonArray([.. reversals.Select(v => (JsonNode)v)]),
        ["recharges"] = new JsonArray([.. recharges.Select(v => (JsonNode)v)]),
        ["issuance"] = new JsonArray([.. issuance.Select(v => (JsonNode)v)]),
        ["net"] = net,
    };

    /// <summary>Figures added up, section by section.</summary>
    private static JsonObject Summed(IEnumerable<JsonObject> periods)
    {
        var list = periods.ToList();
        long[] Sum(string section) => [.. Enumerable.Range(0, list[0][section]!.AsArray().Count).Select(i => list.Sum(p => p[section]![i]!.GetValue<long>()))];
        return Figures(Sum("payments"), Sum("reversals"), Sum("recharges"), Sum("issuance"), list.Sum(p => p["net"]!.GetValue<long>()));
    }
}

public sealed class EmbeddedSalesTotalsTests() : SalesTotalsTests(StoreMode.Embedded);

public sealed class MariaDbSalesTotalsTests() : SalesTotalsTests(StoreMode.MariaDbRedis);
