using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Redemptions;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Records;

/// <summary>
/// Both sides' records over HTTP: a customer sees their own entries across merchants, a merchant every
/// customer's entries there and nothing else, each with the right amounts and the balance it left, agreeing
/// with the wallet, the ledger and a rebuild of the read models.
/// </summary>
public abstract class RecordsTests(StoreMode mode)
{
    [Fact]
    public async Task Records_WhenTwoCustomersPayAtTwoMerchants_EachSideListsExactlyItsEntriesWithAmountsAndBalancesAfter()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var b = await MerchantScenario.ApprovedAsync(host);
        var (alice, aliceToken) = await CustomerAsync(host);
        var (bob, bobToken) = await CustomerAsync(host);
        var timesCard = (await a.TimesCardAsync(price: 30_000, uses: 10))["cardProduct"]!["id"]!.GetValue<string>();
        var coupon = (await b.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }))["couponTemplate"]!["id"]!.GetValue<string>();
        var startedAt = DateTimeOffset.UtcNow;

        // What each record must say, in the order the operations commit.
        var expected = new List<Expected>();
        await Ok(a.RechargeAsync(alice, 10_000, bonus: 1_000), "rechargeAtCounter");
        expected.Add(new(a, alice, "RECHARGE", 10_000, 10_000, 1_000, 10_000, 1_000));
        await Ok(a.RechargeAsync(bob, 5_000), "rechargeAtCounter");
        expected.Add(new(a, bob, "RECHARGE", 5_000, 5_000, 0, 5_000, 0));
        await Ok(b.RechargeAsync(alice, 3_000), "rechargeAtCounter");
        expected.Add(new(b, alice, "RECHARGE", 3_000, 3_000, 0, 3_000, 0));
        var alicePaysA = await Ok(a.RedeemAsync(aliceToken, 2_500), "redeem");
        expected.Add(new(a, alice, "REDEMPTION", 2_500, -2_500, 0, 7_500, 1_000, RedemptionId(alicePaysA)));
        var bobPaysA = await Ok(a.RedeemAsync(bobToken, 1_000), "redeem");
        expected.Add(new(a, bob, "REDEMPTION", 1_000, -1_000, 0, 4_000, 0, RedemptionId(bobPaysA)));
        var alicePaysB = await Ok(b.RedeemAsync(aliceToken, 500), "redeem");
        expected.Add(new(b, alice, "REDEMPTION", 500, -500, 0, 2_500, 0, RedemptionId(alicePaysB)));
        Assert.Empty((await a.IssueAtCounterAsync(alice, new { cardProductId = timesCard })).ErrorCodes());
        expected.Add(new(a, alice, "ISSUANCE", 30_000, 0, 0, 7_500, 1_000) { ItemKind = "TIMES_CARD", UsesLeft = 10 });
        Assert.Empty((await b.IssueAtCounterAsync(bob, new { couponTemplateId = coupon })).ErrorCodes());
        expected.Add(new(b, bob, "ISSUANCE", 0, 0, 0, 0, 0) { ItemKind = "COUPON" });

        // Principal first, then bonus.
        var aliceEmptiesA = await Ok(a.RedeemAsync(aliceToken, 8_000), "redeem");
        expected.Add(new(a, alice, "REDEMPTION", 8_000, -7_500, -500, 0, 500, RedemptionId(aliceEmptiesA)));
        Assert.Equal(500, aliceEmptiesA["redemption"]!["storedValueAfter"]!["minorUnits"]!.GetValue<long>());
        await host.WaitForProjectionsAsync();

        var aliceRecords = await host.PageAllAsync(aliceToken, "myRecords", new(), 3);
        AssertRecords(expected.Where(e => e.Phone == alice), aliceRecords);
        AssertRecords(expected.Where(e => e.Phone == bob), await host.PageAllAsync(bobToken, "myRecords", new(), 50));
        AssertRecords(expected.Where(e => e.Merchant == a), await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId }, 4));
        AssertRecords(expected.Where(e => e.Merchant == b), await host.PageAllAsync(b.OwnerToken, "merchantRecords", new() { ["m"] = b.MerchantId }, 50));

        // Filters: one merchant, some kinds, one customer, a time window.
        AssertRecords(expected.Where(e => e.Phone == alice && e.Merchant == b), await host.PageAllAsync(aliceToken, "myRecords", new() { ["m"] = b.MerchantId }, 50));
        AssertRecords(
            expected.Where(e => e.Phone == alice && e.Kind is "REDEMPTION" or "ISSUANCE"),
            await host.PageAllAsync(aliceToken, "myRecords", new() { ["kinds"] = new[] { "REDEMPTION", "ISSUANCE" } }, 2));
        AssertRecords(expected.Where(e => e.Phone == bob && e.Merchant == a), await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId, ["phone"] = bob }, 50));
        AssertRecords([], await host.PageAllAsync(b.OwnerToken, "merchantRecords", new() { ["m"] = b.MerchantId, ["phone"] = Phones.Next() }, 50));
        AssertRecords(
            expected.Where(e => e.Merchant == a && e.Kind == "RECHARGE"),
            await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId, ["kinds"] = new[] { "RECHARGE" } }, 50));
        var window = new Dictionary<string, object?> { ["from"] = startedAt.AddMinutes(-1), ["to"] = DateTimeOffset.UtcNow.AddMinutes(1) };
        AssertRecords(expected.Where(e => e.Phone == alice), await host.PageAllAsync(aliceToken, "myRecords", window, 50));
        AssertRecords([], await host.PageAllAsync(aliceToken, "myRecords", new() { ["from"] = DateTimeOffset.UtcNow.AddMinutes(5) }, 50));
        AssertRecords([], await host.PageAllAsync(aliceToken, "myRecords", new() { ["to"] = startedAt.AddMinutes(-5) }, 50));

        // The breakdown of one payment and one issuance, field by field.
        var card = aliceRecords.Single(r => r["kind"]!.GetValue<string>() == "ISSUANCE");
        Assert.Equal(("10 haircuts", 10, 10, "Tea House"), (card["itemName"]!.GetValue<string>(), card["usesChange"]!.GetValue<int>(), card["usesLeft"]!.GetValue<int>(), card["merchantName"]!.GetValue<string>()));
        var last = aliceRecords[0];
        Assert.Equal(("STORED_VALUE", "CUSTOMER_SCAN", "CNY", "5.00 CNY"), (last["mode"]!.GetValue<string>(), last["channel"]!.GetValue<string>(), last["amount"]!["currency"]!.GetValue<string>(), last["storedValueAfter"]!["display"]!.GetValue<string>()));
        Assert.Equal(-8_000, last.Minor("storedValueChange"));
        Assert.All(aliceRecords, r => Assert.Equal(alice[..3] + "****" + alice[^4..], r["customerPhoneMasked"]!.GetValue<string>()));

        // The newest record of each wallet agrees with the wallet read model.
        foreach (var (merchant, phone, token) in new[] { (a, alice, aliceToken), (b, alice, aliceToken), (a, bob, bobToken) })
        {
            var newest = expected.Last(e => e.Merchant == merchant && e.Phone == phone);
            Assert.Equal(await merchant.WalletBalanceAsync(token), newest.PrincipalAfter + newest.BonusAfter);
        }

        await LedgerCheck.AssertBalancedAsync(host);
        var wallets = await WalletKeysAsync(host, a, b, aliceToken, bobToken);
        await ReadModelRebuild.AssertLiveEqualsRebuildAsync(host, wallets, [Merchant(a), Merchant(b)]);
    }

    [Fact]
    public async Task Records_WhenPaidWithTimesCardAndCouponThenReversed_ShowUsesDiscountsAndWhatCameBack()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var (alice, aliceToken) = await CustomerAsync(host);
        await Ok(a.RechargeAsync(alice, 10_000), "rechargeAtCounter");
        var card = await a.GiveTimesCardAsync(alice, uses: 3, price: 30_000, name: "3 washes");
        var washes = await a.RedeemTimesCardAsync(aliceToken, card, uses: 2);
        Assert.Empty(washes.ErrorCodes());
        var coupon = await a.GiveCouponAsync(alice, new { kind = "CASH_OFF", amountOff = 500L }, "5 off");
        var meal = await a.RedeemCouponAsync(aliceToken, coupon, 3_000);
        Assert.Empty(meal.ErrorCodes());
        var mealId = RedemptionId(meal);
        var washesId = RedemptionId(washes);
        Assert.Empty((await a.ReverseAsync(mealId, reason: "Cold soup")).ErrorCodes());
        Assert.Empty((await a.ReverseAsync(washesId, uses: 1, reason: "One wash skipped")).ErrorCodes());
        await host.WaitForProjectionsAsync();

        var records = await host.PageAllAsync(aliceToken, "myRecords", new(), 50);
        Assert.Equal(
            ["REVERSAL", "REVERSAL", "REDEMPTION", "ISSUANCE", "REDEMPTION", "ISSUANCE", "RECHARGE"],
            records.Select(r => r["kind"]!.GetValue<string>()));
        var (washBack, mealBack, mealPaid, couponIssued, washesPaid, cardIssued) = (records[0], records[1], records[2], records[3], records[4], records[5]);

        Assert.Equal(("TIMES_CARD", card, "3 washes", 3, 3, 30_000L, 10_000L), (cardIssued["itemKind"]!.GetValue<string>(), cardIssued["itemId"]!.GetValue<string>(), cardIssued["itemName"]!.GetValue<string>(), cardIssued["usesChange"]!.GetValue<int>(), cardIssued["usesLeft"]!.GetValue<int>(), cardIssued.Minor("amount"), cardIssued.Minor("storedValueAfter")));
        Assert.Equal(("TIMES_CARD", washesId, card, -2, 1, 0L, 10_000L), (washesPaid["mode"]!.GetValue<string>(), washesPaid["redemptionId"]!.GetValue<string>(), washesPaid["itemId"]!.GetValue<string>(), washesPaid["usesChange"]!.GetValue<int>(), washesPaid["usesLeft"]!.GetValue<int>(), washesPaid.Minor("storedValueChange"), washesPaid.Minor("storedValueAfter")));
        Assert.Equal(("COUPON", coupon, 0L), (couponIssued["itemKind"]!.GetValue<string>(), couponIssued["itemId"]!.GetValue<string>(), couponIssued.Minor("amount")));
        Assert.Equal(
            ("COUPON", mealId, coupon, 3_000L, 500L, -2_500L, 7_500L),
            (mealPaid["mode"]!.GetValue<string>(), mealPaid["redemptionId"]!.GetValue<string>(), mealPaid["itemId"]!.GetValue<string>(), mealPaid.Minor("amount"), mealPaid.Minor("couponDiscount"), mealPaid.Minor("principalChange"), mealPaid.Minor("storedValueAfter")));
        Assert.Equal(
            ("COUPON", mealId, 2_500L, 2_500L, 10_000L, true, "Cold soup"),
            (mealBack["mode"]!.GetValue<string>(), mealBack["redemptionId"]!.GetValue<string>(), mealBack.Minor("amount"), mealBack.Minor("principalChange"), mealBack.Minor("storedValueAfter"), mealBack["couponRestored"]!.GetValue<bool>(), mealBack["reason"]!.GetValue<string>()));
        Assert.Equal(
            (washesId, 1, 2, 0L, false, "One wash skipped"),
            (washBack["redemptionId"]!.GetValue<string>(), washBack["usesChange"]!.GetValue<int>(), washBack["usesLeft"]!.GetValue<int>(), washBack.Minor("storedValueChange"), washBack["couponRestored"]!.GetValue<bool>(), washBack["reason"]!.GetValue<string>()));

        // The merchant sees the same payments and reversals; the wallet agrees with the newest balance.
        var merchantSide = await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId, ["kinds"] = new[] { "REDEMPTION", "REVERSAL" } }, 3);
        Assert.Equal(records.Take(3).Append(washesPaid).Select(r => r.ToJsonString()), merchantSide.Select(r => r.ToJsonString()));
        Assert.Equal(await a.WalletBalanceAsync(aliceToken), records[0].Minor("storedValueAfter"));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Records_WhenSomeoneElsesAreAskedFor_CustomersGetOnlyTheirOwnAndOtherMerchantsStaffAreForbidden()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var b = await MerchantScenario.ApprovedAsync(host);
        var cashierOfB = Phones.Next();
        Assert.Empty((await host.GraphQLAsync(b.OwnerToken, Gql.AddCashier, new { input = new { merchantId = b.MerchantId, phone = cashierOfB } })).Data("addCashier").ErrorCodes());
        var cashierToken = await host.SignInAsync(cashierOfB);
        var (alice, aliceToken) = await CustomerAsync(host);
        var (bob, bobToken) = await CustomerAsync(host);
        await Ok(a.RechargeAsync(alice, 2_000), "rechargeAtCounter");
        await Ok(a.RechargeAsync(bob, 3_000), "rechargeAtCounter");
        await Ok(a.RedeemAsync(aliceToken, 700), "redeem");
        await host.WaitForProjectionsAsync();

        // Bob asks for records at the merchant where Alice paid: he gets his one recharge, nothing of hers.
        var bobs = await host.PageAllAsync(bobToken, "myRecords", new() { ["m"] = a.MerchantId }, 50);
        Assert.Equal(3_000, Assert.Single(bobs).Minor("amount"));
        Assert.Equal(2, (await host.PageAllAsync(aliceToken, "myRecords", new(), 50)).Count);
        Assert.Equal(3, (await host.PageAllAsync(a.OwnerToken, "merchantRecords", new() { ["m"] = a.MerchantId }, 50)).Count);

        var ofA = new Dictionary<string, object?> { ["m"] = a.MerchantId };
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(cashierToken, RecordCalls.MerchantRecords, ofA)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(cashierToken, RecordCalls.MerchantRecords, new { m = a.MerchantId, phone = alice })).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(aliceToken, RecordCalls.MerchantRecords, ofA)).GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", (await host.GraphQLAsync(b.OwnerToken, RecordCalls.MerchantRecords, ofA)).GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", (await host.GraphQLAsync(null, RecordCalls.MerchantRecords, ofA)).GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", (await host.GraphQLAsync(null, RecordCalls.MyRecords, new { })).GraphQLErrorCode());
        Assert.Equal("NOT_FOUND", (await host.GraphQLAsync(cashierToken, RecordCalls.MerchantRecords, new { m = GlobalId.Encode("Merchant", Guid.NewGuid()) })).GraphQLErrorCode());

        // The cashier reads their own merchant's records: none of A's are there.
        Assert.Empty(await host.PageAllAsync(cashierToken, "merchantRecords", new() { ["m"] = b.MerchantId }, 50));
    }

    [Fact]
    public async Task Records_WhenPageSizeCursorOrWindowIsBad_AnswerBadUserInput()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var a = await MerchantScenario.ApprovedAsync(host);
        var (_, token) = await CustomerAsync(host);
        var issuedCursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{DateTimeOffset.UtcNow.UtcTicks}:{Guid.NewGuid():N}"));
        var foreignPosition = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("record:-5"));

        foreach (var (document, variables) in new (string, object)[]
        {
            (RecordCalls.MyRecords, new { first = 101 }),
            (RecordCalls.MyRecords, new { first = 0 }),
            (RecordCalls.MyRecords, new { first = -1 }),
            (RecordCalls.MyRecords, new { after = "nope" }),
            (RecordCalls.MyRecords, new { after = issuedCursor }),
            (RecordCalls.MyRecords, new { after = foreignPosition }),
            (RecordCalls.MyRecords, new { m = "not-a-merchant" }),
            (RecordCalls.MyRecords, new { from = DateTimeOffset.UtcNow, to = DateTimeOffset.UtcNow.AddDays(-1) }),
            (RecordCalls.MerchantRecords, new { m = a.MerchantId, first = 101 }),
            (RecordCalls.MerchantRecords, new { m = a.MerchantId, first = -3 }),
            (RecordCalls.MerchantRecords, new { m = a.MerchantId, after = "!!" }),
            (RecordCalls.MerchantRecords, new { m = a.MerchantId, after = "nope", phone = Phones.Next() }),
            (RecordCalls.MerchantRecords, new { m = a.MerchantId, phone = "12" }),
        })
        {
            var response = await host.GraphQLAsync(document == RecordCalls.MyRecords ? token : a.OwnerToken, document, variables);
            Assert.True(response.GraphQLErrorCode() == "BAD_USER_INPUT", $"{variables}: {response.ToJsonString()}");
        }

        var tooMany = await host.GraphQLAsync(token, RecordCalls.MyRecords, new { first = 101 });
        Assert.Contains("'first' must be between 1 and 100", tooMany["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var garbage = await host.GraphQLAsync(token, RecordCalls.MyRecords, new { after = "nope" });
        Assert.Contains("'after' is not a cursor", garbage["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    internal static async Task<(string Phone, string Token)> CustomerAsync(CodeScanHost host)
    {
        var phone = Phones.Next();
        return (phone, await host.SignInAsync(phone));
    }

    internal static async Task<JsonObject> Ok(Task<JsonObject> call, string field)
    {
        var payload = (await call).Data(field);
        Assert.Empty(payload.ErrorCodes());
        return payload;
    }

    private static string RedemptionId(JsonObject redeemed) => redeemed["redemption"]!["id"]!.GetValue<string>();

    private static Guid Merchant(MerchantScenario merchant) =>
        GlobalId.TryDecode(merchant.MerchantId, out _, out var id) ? id : throw new InvalidOperationException(merchant.MerchantId);

    private static async Task<List<(Guid MerchantId, Guid CustomerId)>> WalletKeysAsync(CodeScanHost host, MerchantScenario a, MerchantScenario b, params string[] tokens)
    {
        var wallets = new List<(Guid, Guid)>();
        foreach (var token in tokens)
        {
            var me = Guid.Parse(GlobalIdOf((await host.GraphQLAsync(token, "{ me { id } }")).Data("me")["id"]!.GetValue<string>()));
            wallets.Add((Merchant(a), me));
            wallets.Add((Merchant(b), me));
        }

        return wallets;
    }

    private static string GlobalIdOf(string globalId) => GlobalId.TryDecode(globalId, out _, out var id) ? id.ToString() : globalId;

    /// <summary>The records, newest first, are exactly the expected ones (given oldest first), field by field.</summary>
    private static void AssertRecords(IEnumerable<Expected> expected, IReadOnlyList<JsonObject> actual)
    {
        var wanted = expected.Reverse().ToList();
        Assert.Equal(wanted.Count, actual.Count);
        var positions = actual.Select(r => r.Position()).ToList();
        Assert.Equal(positions.OrderDescending(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        for (var i = 0; i < wanted.Count; i++)
        {
            var (e, r) = (wanted[i], actual[i]);
            Assert.Equal(
                (e.Merchant.MerchantId, e.Phone[..3] + "****" + e.Phone[^4..], e.Kind, e.Amount, e.PrincipalChange, e.BonusChange, e.PrincipalChange + e.BonusChange, e.PrincipalAfter, e.BonusAfter, e.PrincipalAfter + e.BonusAfter),
                (r["merchantId"]!.GetValue<string>(), r["customerPhoneMasked"]!.GetValue<string>(), r["kind"]!.GetValue<string>(), r.Minor("amount"),
                 r.Minor("principalChange"), r.Minor("bonusChange"), r.Minor("storedValueChange"), r.Minor("principalAfter"), r.Minor("bonusAfter"), r.Minor("storedValueAfter")));
            Assert.Equal(e.RedemptionId, r["redemptionId"]?.GetValue<string>());
            Assert.Equal(e.ItemKind, r["itemKind"]?.GetValue<string>());
            Assert.Equal(e.UsesLeft, r["usesLeft"]?.GetValue<int>());
        }
    }

    private sealed record Expected(
        MerchantScenario Merchant, string Phone, string Kind, long Amount, long PrincipalChange, long BonusChange, long PrincipalAfter, long BonusAfter, string? RedemptionId = null)
    {
        public string? ItemKind { get; init; }

        public int? UsesLeft { get; init; }
    }
}

public sealed class EmbeddedRecordsTests() : RecordsTests(StoreMode.Embedded);

public sealed class MariaDbRecordsTests() : RecordsTests(StoreMode.MariaDbRedis);
