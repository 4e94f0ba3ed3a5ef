using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Issue 5, reversal: staff give back part or all of a payment within the window, with a reason. The
/// customer gets back exactly what was taken (principal and bonus separately), uses return to the card,
/// a coupon becomes usable again; over-reversal and reversal after the window are refused.
/// </summary>
public abstract class ReversalTests(StoreMode mode)
{
    [Fact]
    public async Task StoredValue_ReversedInTwoParts_RestoresExactlyThePrincipalAndBonusTaken()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        Assert.Empty((await merchant.RechargeAsync(phone, 10_000, bonus: 2_000)).Data("rechargeAtCounter").ErrorCodes());
        var paid = (await merchant.RedeemStoredValueAsync(customer, 11_000))["redemption"]!;
        Assert.Equal((10_000L, 1_000L), (paid.Minor("fromPrincipal"), paid.Minor("fromBonus")));
        var redemptionId = paid["id"]!.GetValue<string>();
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var first = await merchant.ReverseAsync(redemptionId, amount: 3_000, reason: "Two cups were not served");

        Assert.Empty(first.ErrorCodes());
        var reversal = first["reversal"]!;
        Assert.Equal((3_000L, 0L, 4_000L, 8_000L), (reversal.Minor("principalRestored"), reversal.Minor("bonusRestored"), reversal.Minor("storedValueAfter"), reversal.Minor("storedValueLeftToReverse")));
        Assert.Equal("Two cups were not served", reversal["reason"]!.GetValue<string>());
        var alert = await sides.NextAlertAsync();
        Assert.Equal(("REDEMPTION_REVERSED", redemptionId, 3_000L), (alert.GetProperty("kind").GetString(), alert.GetProperty("redemptionId").GetString(), alert.GetProperty("amount").GetProperty("minorUnits").GetInt64()));
        Assert.Equal("STORED_VALUE", alert.GetProperty("mode").GetString());
        Assert.Equal($"撤销消费，退回储值 30.00 元，会员尾号 {phone[^4..]}，余额 40.00 元", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Payment reversed, 30.00 yuan back to stored value, member ending {phone[^4..]}, balance 40.00 yuan.", alert.GetProperty("english").GetString());
        Assert.Equal(4_000, (await sides.NextWalletAsync()).GetProperty("storedValue").GetProperty("minorUnits").GetInt64());

        Assert.Equal(["REVERSAL_EXCEEDS_REMAINING"], (await merchant.ReverseAsync(redemptionId, amount: 8_001)).ErrorCodes());

        var rest = (await merchant.ReverseAsync(redemptionId))["reversal"]!;
        Assert.Equal((7_000L, 1_000L, 12_000L, 0L), (rest.Minor("principalRestored"), rest.Minor("bonusRestored"), rest.Minor("storedValueAfter"), rest.Minor("storedValueLeftToReverse")));
        Assert.Equal(["REVERSAL_EXCEEDS_REMAINING"], (await merchant.ReverseAsync(redemptionId)).ErrorCodes());
        Assert.Equal(["REVERSAL_EXCEEDS_REMAINING"], (await merchant.ReverseAsync(redemptionId, amount: 1)).ErrorCodes());

        await host.WaitForProjectionsAsync();
        var wallet = (await host.GraphQLAsync(customer, Gql.Wallet, new { merchantId = merchant.MerchantId }))["data"]!["wallet"]!;
        Assert.Equal((10_000L, 2_000L), (wallet.Minor("principal"), wallet.Minor("bonus")));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task TimesCard_ReversingOneUse_GivesItBackToTheCard()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 3, price: 10_000, name: "3 washes");
        var paid = (await merchant.RedeemTimesCardAsync(customer, card, uses: 2))["redemption"]!;
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var reversed = (await merchant.ReverseAsync(paid["id"]!.GetValue<string>(), uses: 1, reason: "Second wash not done"))["reversal"]!;

        Assert.Equal((1, 2, 1), (reversed["usesRestored"]!.GetValue<int>(), reversed["usesLeft"]!.GetValue<int>(), reversed["usesLeftToReverse"]!.GetValue<int>()));
        var alert = await sides.NextAlertAsync();
        Assert.Equal("TIMES_CARD", alert.GetProperty("mode").GetString());
        Assert.Equal($"撤销消费，退回次卡「3 washes」1 次，会员尾号 {phone[^4..]}，余额 0.00 元", alert.GetProperty("spokenText").GetString());
        var wallet = await sides.NextWalletAsync();
        Assert.Equal(2, wallet.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("id").GetString() == card).GetProperty("usesLeft").GetInt32());
        Assert.Equal(["REVERSAL_EXCEEDS_REMAINING"], (await merchant.ReverseAsync(paid["id"]!.GetValue<string>(), uses: 2)).ErrorCodes());

        // One use recognised: 10,000 × 1 / 3 = 3,333 in sales, the rest still owed.
        var accounts = await LedgerCheck.MerchantBalancesAsync(host, merchant.MerchantId);
        Assert.Equal((6_667L, 3_333L), (accounts["MerchantDeferredRevenue"], accounts["MerchantSales"]));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Coupon_WhenThePaymentIsFullyReversed_IsUsableAgain()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "PERCENT_OFF", percentOff = 10, cap = 1_000L }, "10% off", price: 200);
        var paid = (await merchant.RedeemCouponAsync(customer, coupon, 5_000))["redemption"]!;
        Assert.Equal((500L, 4_500L), (paid.Minor("couponDiscount"), paid.Minor("fromStoredValue")));

        var reversed = (await merchant.ReverseAsync(paid["id"]!.GetValue<string>(), reason: "Wrong table"))["reversal"]!;

        Assert.True(reversed["couponRestored"]!.GetValue<bool>());
        Assert.Equal(10_000, reversed.Minor("storedValueAfter"));
        var again = await merchant.RedeemCouponAsync(customer, coupon, 5_000);
        Assert.Empty(again.ErrorCodes());
        Assert.Equal(500, again["redemption"]!.Minor("couponDiscount"));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task CouponWithTheRestPaidOutside_FullyReversed_TellsTheTillWhatCashToHandBack()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 1_000L }, "10 off");
        var paid = (await merchant.RedeemCouponAsync(customer, coupon, 3_000, payRestWith: "OUTSIDE"))["redemption"]!;
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var reversed = (await merchant.ReverseAsync(paid["id"]!.GetValue<string>(), reason: "Dish sent back"))["reversal"]!;

        Assert.Equal((true, 2_000L, 0L), (reversed["couponRestored"]!.GetValue<bool>(), reversed.Minor("outsideToRefund"), reversed.Minor("storedValueRestored")));
        var alert = await sides.NextAlertAsync();
        Assert.Equal("COUPON", alert.GetProperty("mode").GetString());
        Assert.Equal($"撤销消费，优惠券「10 off」已恢复，请退还现场收款 20.00 元，会员尾号 {phone[^4..]}，余额 0.00 元", alert.GetProperty("spokenText").GetString());
        Assert.Equal($"Payment reversed, coupon \"10 off\" usable again, please refund the 20.00 yuan paid at the till, member ending {phone[^4..]}, balance 0.00 yuan.", alert.GetProperty("english").GetString());
        Assert.Equal("AVAILABLE", (await sides.NextWalletAsync()).GetProperty("coupons").EnumerateArray().Single().GetProperty("status").GetString());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Reversal_AfterTheWindow_IsRefusedAndChangesNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, s => s["Redemptions:ReversalWindow"] = "00:01:00");
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var paid = (await merchant.RedeemStoredValueAsync(customer, 1_000))["redemption"]!;
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var before = await LedgerCheck.FingerprintAsync(host);

        var late = await merchant.ReverseAsync(paid["id"]!.GetValue<string>());

        Assert.Equal(["REVERSAL_WINDOW_CLOSED"], late.ErrorCodes());
        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Reversal_WithBadInput_GetsAClearErrorAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var paid = (await merchant.RedeemStoredValueAsync(customer, 1_000))["redemption"]!["id"]!.GetValue<string>();
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(["INVALID_INPUT"], (await merchant.ReverseAsync(paid, reason: " ")).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.ReverseAsync(paid, reason: new string('x', 201))).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.ReverseAsync(paid, amount: -1)).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await merchant.ReverseAsync(CodeScan.Api.GraphQL.GlobalId.Encode("Redemption", Guid.NewGuid()))).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await merchant.ReverseAsync("garbage")).ErrorCodes());

        // Another merchant's owner cannot reach this payment through their own merchant.
        var foreign = (await other.Host.GraphQLAsync(other.OwnerToken, RedemptionCalls.Reverse, new
        {
            input = new { merchantId = other.MerchantId, redemptionId = paid, reason = "not mine", idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("reverseRedemption");
        Assert.Equal(["NOT_FOUND"], foreign.ErrorCodes());

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
    }

    [Fact]
    public async Task Reversal_WhenReplayedWithItsKey_RestoresOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        var paid = (await merchant.RedeemStoredValueAsync(customer, 6_000))["redemption"]!["id"]!.GetValue<string>();
        var key = Guid.NewGuid().ToString("N");

        var first = await merchant.ReverseAsync(paid, amount: 1_000, key: key);
        var replay = await merchant.ReverseAsync(paid, amount: 1_000, key: key);
        var reused = await merchant.ReverseAsync(paid, amount: 2_000, key: key);

        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], reused.ErrorCodes());
        Assert.Equal(5_000, first["reversal"]!.Minor("storedValueAfter"));
        await host.WaitForProjectionsAsync();
        Assert.Equal(5_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }
}

public sealed class EmbeddedReversalTests() : ReversalTests(StoreMode.Embedded);

public sealed class MariaDbReversalTests() : ReversalTests(StoreMode.MariaDbRedis);
