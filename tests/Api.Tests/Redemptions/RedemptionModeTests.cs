using System.Text.Json;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Issue 5: every way to pay at the till, end to end over real HTTP and WebSocket. Each payment is heard
/// at the till (with its spoken text) and reaches the customer's phone as walletChanged, and the ledger
/// balances afterwards.
/// </summary>
public abstract class RedemptionModeTests(StoreMode mode)
{
    [Fact]
    public async Task StoredValue_WithAMembershipCard_ChargesTheDiscountedBillAndBothSidesHearIt()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        await merchant.GiveMembershipCardAsync(phone, payRateBasisPoints: 8_800);
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var paid = await merchant.RedeemStoredValueAsync(customer, 5_000);

        Assert.Empty(paid.ErrorCodes());
        var redemption = paid["redemption"]!;
        Assert.Equal(("STORED_VALUE", "CUSTOMER_SCAN"), (redemption["mode"]!.GetValue<string>(), redemption["channel"]!.GetValue<string>()));
        Assert.Equal((5_000L, 600L, 4_400L, 0L, 5_600L), (redemption.Minor("amount"), redemption.Minor("membershipDiscount"), redemption.Minor("fromStoredValue"), redemption.Minor("paidOutside"), redemption.Minor("storedValueAfter")));

        var alert = await sides.NextAlertAsync();
        Assert.Equal(("STORED_VALUE_REDEEMED", 4_400L, 5_000L, 600L), (alert.GetProperty("kind").GetString(), Minor(alert, "amount"), Minor(alert, "bill"), Minor(alert, "discount")));
        Assert.Equal($"储值消费 44.00 元，原价 50.00 元，优惠 6.00 元，会员尾号 {phone[^4..]}，余额 56.00 元", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Received 44.00 yuan from stored value for a bill of 50.00 yuan, 6.00 yuan off, member ending {phone[^4..]}, balance 56.00 yuan.", alert.GetProperty("english").GetString());
        Assert.Equal(5_600, Minor(await sides.NextWalletAsync(), "storedValue"));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task StoredValueThenOutside_WhenTheBalanceFallsShort_TakesAllOfItAndAsksTheTillToCollectTheRest()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(3_000);

        var shortPaid = await merchant.RedeemStoredValueAsync(customer, 5_000);
        Assert.Equal(["INSUFFICIENT_BALANCE"], shortPaid.ErrorCodes());

        await using var sides = await BothSides.ListenAsync(host, merchant, customer);
        var paid = await merchant.RedeemStoredValueAsync(customer, 5_000, payRestWith: "STORED_VALUE_THEN_OUTSIDE");
        Assert.Empty(paid.ErrorCodes());
        Assert.Equal((3_000L, 2_000L, 0L), (paid["redemption"]!.Minor("fromStoredValue"), paid["redemption"]!.Minor("paidOutside"), paid["redemption"]!.Minor("storedValueAfter")));

        // The till hears what is still to collect, not just what stored value paid.
        var alert = await sides.NextAlertAsync();
        var lastFour = phone[^4..];
        Assert.Equal($"储值消费 30.00 元，请另收 20.00 元，会员尾号 {lastFour}，余额 0.00 元", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Received 30.00 yuan from stored value, please collect 20.00 yuan, member ending {lastFour}, balance 0.00 yuan.", alert.GetProperty("english").GetString());
        Assert.Equal(0, (await sides.NextWalletAsync()).GetProperty("storedValue").GetProperty("minorUnits").GetInt64());

        // With nothing left in stored value, the whole bill is collected at the till.
        Assert.Empty((await merchant.RedeemStoredValueAsync(customer, 1_500, payRestWith: "STORED_VALUE_THEN_OUTSIDE")).ErrorCodes());
        Assert.Equal($"消费 15.00 元，请另收 15.00 元，会员尾号 {lastFour}", (await sides.NextAlertAsync()).GetProperty("spokenText").GetString());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task TimesCard_UsesOneOfThreeAndRecognisesAThirdOfItsPriceAsSales()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 3, price: 30_000, name: "3 washes");
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var used = await merchant.RedeemTimesCardAsync(customer, card);

        Assert.Empty(used.ErrorCodes());
        var redemption = used["redemption"]!;
        Assert.Equal(("TIMES_CARD", 1, 2, card), (redemption["mode"]!.GetValue<string>(), redemption["uses"]!.GetValue<int>(), redemption["usesLeft"]!.GetValue<int>(), redemption["timesCardId"]!.GetValue<string>()));
        Assert.Equal(0, redemption.Minor("fromStoredValue"));

        var alert = await sides.NextAlertAsync();
        Assert.Equal(("TIMES_CARD_REDEEMED", "TIMES_CARD", 1, 2), (alert.GetProperty("kind").GetString(), alert.GetProperty("mode").GetString(), alert.GetProperty("uses").GetInt32(), alert.GetProperty("usesLeft").GetInt32()));
        Assert.Equal($"次卡「3 washes」核销 1 次，剩余 2 次，会员尾号 {phone[^4..]}", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Times card \"3 washes\" used once, 2 uses left, member ending {phone[^4..]}.", alert.GetProperty("english").GetString());
        var wallet = await sides.NextWalletAsync();
        Assert.Equal(2, wallet.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("id").GetString() == card).GetProperty("usesLeft").GetInt32());

        var accounts = await LedgerCheck.MerchantBalancesAsync(host, merchant.MerchantId);
        Assert.Equal((20_000L, 10_000L), (accounts["MerchantDeferredRevenue"], accounts["MerchantSales"]));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task TimesCard_WhenItsUsesAreGone_IsRefusedWithUsesExhausted()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 2);

        Assert.Empty((await merchant.RedeemTimesCardAsync(customer, card, uses: 2)).ErrorCodes());
        Assert.Equal(["USES_EXHAUSTED"], (await merchant.RedeemTimesCardAsync(customer, card)).ErrorCodes());

        // Someone else's card is not found, for them or anyone.
        var stranger = await host.SignInAsync(Phones.Next());
        Assert.Equal(["NOT_FOUND"], (await merchant.RedeemTimesCardAsync(stranger, card)).ErrorCodes());
        var accounts = await LedgerCheck.MerchantBalancesAsync(host, merchant.MerchantId);
        Assert.Equal((0L, 30_000L), (accounts["MerchantDeferredRevenue"], accounts["MerchantSales"]));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Coupon_WithStoredValueForTheRest_TakesTheThresholdDiscountThenStoredValue()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "THRESHOLD", threshold = 10_000L, amountOff = 2_000L }, "100 minus 20");
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var paid = await merchant.RedeemCouponAsync(customer, coupon, 12_000);

        Assert.Empty(paid.ErrorCodes());
        var redemption = paid["redemption"]!;
        Assert.Equal((12_000L, 2_000L, 10_000L, 0L, 0L), (redemption.Minor("amount"), redemption.Minor("couponDiscount"), redemption.Minor("fromStoredValue"), redemption.Minor("paidOutside"), redemption.Minor("storedValueAfter")));
        Assert.Equal("100 minus 20", redemption["instrumentName"]!.GetValue<string>());

        var alert = await sides.NextAlertAsync();
        Assert.Equal("COUPON_REDEEMED", alert.GetProperty("kind").GetString());
        Assert.Equal($"优惠券「100 minus 20」核销，抵扣 20.00 元，储值支付 100.00 元，会员尾号 {phone[^4..]}，余额 0.00 元", alert.GetProperty("spokenText").GetString());
        var wallet = await sides.NextWalletAsync();
        Assert.Equal(0, Minor(wallet, "storedValue"));
        Assert.Equal("USED", wallet.GetProperty("coupons").EnumerateArray().Single(c => c.GetProperty("id").GetString() == coupon).GetProperty("status").GetString());

        Assert.Equal(["COUPON_ALREADY_USED"], (await merchant.RedeemCouponAsync(customer, coupon, 12_000)).ErrorCodes());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Coupon_WithTheRestPaidOutside_TellsTheTillWhatToCollect()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 1_000L }, "10 off", price: 500);
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var paid = await merchant.RedeemCouponAsync(customer, coupon, 3_000, payRestWith: "OUTSIDE");

        Assert.Empty(paid.ErrorCodes());
        Assert.Equal((1_000L, 0L, 2_000L), (paid["redemption"]!.Minor("couponDiscount"), paid["redemption"]!.Minor("fromStoredValue"), paid["redemption"]!.Minor("paidOutside")));
        var alert = await sides.NextAlertAsync();
        Assert.Equal(2_000, Minor(alert, "paidOutside"));
        Assert.Equal($"Coupon \"10 off\" redeemed, 10.00 yuan off, please collect 20.00 yuan, member ending {phone[^4..]}.", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"优惠券「10 off」核销，抵扣 10.00 元，请另收 20.00 元，会员尾号 {phone[^4..]}", alert.GetProperty("chinese").GetString());
        await sides.NextWalletAsync();

        // The coupon's price moves from deferred revenue to sales when it is honoured.
        var accounts = await LedgerCheck.MerchantBalancesAsync(host, merchant.MerchantId);
        Assert.Equal((0L, 500L), (accounts["MerchantDeferredRevenue"], accounts["MerchantSales"]));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Coupon_Alone_AGiftCouponIsRedeemedWithNoBill()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "GIFT", giftName = "a milk tea" }, "Free tea");
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var paid = await merchant.RedeemCouponAsync(customer, coupon, 0, payRestWith: "OUTSIDE");

        Assert.Empty(paid.ErrorCodes());
        Assert.Equal((0L, 0L, 0L), (paid["redemption"]!.Minor("amount"), paid["redemption"]!.Minor("fromStoredValue"), paid["redemption"]!.Minor("paidOutside")));
        var alert = await sides.NextAlertAsync();
        Assert.Equal($"优惠券「Free tea」核销，赠品 a milk tea，会员尾号 {phone[^4..]}", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Coupon \"Free tea\" redeemed, hand over \"a milk tea\", member ending {phone[^4..]}.", alert.GetProperty("english").GetString());
        var wallet = await sides.NextWalletAsync();
        Assert.Equal("USED", wallet.GetProperty("coupons").EnumerateArray().Single().GetProperty("status").GetString());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Coupon_WhenTheBillIsBelowItsThreshold_IsRefusedAndStaysAvailable()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "THRESHOLD", threshold = 10_000L, amountOff = 2_000L }, "100 minus 20");

        Assert.Equal(["COUPON_THRESHOLD_NOT_MET"], (await merchant.RedeemCouponAsync(customer, coupon, 9_999)).ErrorCodes());
        Assert.Empty((await merchant.RedeemCouponAsync(customer, coupon, 10_000)).ErrorCodes());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task EveryMode_AtASuspendedMerchant_IsRefusedAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var card = await merchant.GiveTimesCardAsync(phone);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 100L }, "1 off");
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        Assert.Empty((await host.GraphQLAsync(admin, Gql.SuspendMerchant, new { input = new { merchantId = merchant.MerchantId, reason = "complaints" } })).Data("suspendMerchant").ErrorCodes());
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(["MERCHANT_NOT_APPROVED"], (await merchant.RedeemStoredValueAsync(customer, 1_000)).ErrorCodes());
        Assert.Equal(["MERCHANT_NOT_APPROVED"], (await merchant.RedeemTimesCardAsync(customer, card)).ErrorCodes());
        Assert.Equal(["MERCHANT_NOT_APPROVED"], (await merchant.RedeemCouponAsync(customer, coupon, 1_000)).ErrorCodes());
        var quote = await host.GraphQLAsync(customer, RedemptionCalls.Quote, new { merchantId = merchant.MerchantId, amount = 1_000L });
        Assert.Equal("MERCHANT_NOT_APPROVED", quote["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Theory]
    [InlineData("""{"mode":"STORED_VALUE"}""", "INVALID_INPUT")]
    [InlineData("""{"mode":"STORED_VALUE","amount":-5}""", "AMOUNT_OUT_OF_RANGE")]
    [InlineData("""{"mode":"STORED_VALUE","amount":100000001}""", "AMOUNT_OUT_OF_RANGE")]
    [InlineData("""{"mode":"STORED_VALUE","amount":100,"payRestWith":"OUTSIDE"}""", "INVALID_INPUT")]
    [InlineData("""{"mode":"TIMES_CARD"}""", "INVALID_INPUT")]
    [InlineData("""{"mode":"TIMES_CARD","timesCardId":"Q2FyZDowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=","uses":0}""", "INVALID_INPUT")]
    [InlineData("""{"mode":"COUPON","amount":100}""", "INVALID_INPUT")]
    [InlineData("""{"mode":"COUPON","amount":100,"couponId":"not-an-id"}""", "NOT_FOUND")]
    public async Task Redeem_WithBadInput_GetsAClearErrorAndChangesNothing(string fields, string expected)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var input = System.Text.Json.Nodes.JsonNode.Parse(fields)!.AsObject();
        input["merchantId"] = merchant.MerchantId;
        input["idempotencyKey"] = Guid.NewGuid().ToString("N");

        var refused = await host.RedeemWithAsync(customer, input);

        Assert.Contains(expected, refused.ErrorCodes());
        Assert.Null(refused["redemption"]);
        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    private static long Minor(JsonElement element, string field) => element.GetProperty(field).GetProperty("minorUnits").GetInt64();
}

/// <summary>The merchant's till and the customer's phone, both subscribed before a payment.</summary>
internal sealed class BothSides : IAsyncDisposable
{
    private readonly GraphQLWsTestClient _till;
    private readonly GraphQLWsTestClient _phone;

    private BothSides(GraphQLWsTestClient till, GraphQLWsTestClient phone)
    {
        _till = till;
        _phone = phone;
    }

    public static async Task<BothSides> ListenAsync(CodeScanHost host, MerchantScenario merchant, string customerToken)
    {
        await host.WaitForProjectionsAsync();
        var till = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("alerts", RedemptionCalls.Alerts, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        var phone = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + customerToken);
        await phone.SubscribeAsync("wallet", RedemptionCalls.WalletChanged, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForWalletSubscriberAsync(host, merchant.MerchantId, customerToken);
        return new BothSides(till, phone);
    }

    public async Task<JsonElement> NextAlertAsync()
    {
        var message = await _till.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("next", message.Type);
        return message.AlertOf();
    }

    public async Task<JsonElement> NextWalletAsync()
    {
        var message = await _phone.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("next", message.Type);
        return message.Payload!.Value.GetProperty("data").GetProperty("walletChanged");
    }

    public async ValueTask DisposeAsync()
    {
        await _till.DisposeAsync();
        await _phone.DisposeAsync();
    }
}

public sealed class EmbeddedRedemptionModeTests() : RedemptionModeTests(StoreMode.Embedded);

public sealed class MariaDbRedemptionModeTests() : RedemptionModeTests(StoreMode.MariaDbRedis);
