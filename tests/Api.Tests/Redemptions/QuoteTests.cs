using System.Text.Json.Nodes;
using CodeScan.Api.Tests.QrCodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Issue 5, after a scan: a quote for the entered bill with the best membership discount, the best single
/// coupon and stored value, and what is left to pay — and redeeming as quoted charges exactly that.
/// </summary>
public abstract class QuoteTests(StoreMode mode)
{
    [Fact]
    public async Task Quote_PicksTheBestCombinationAndRedeemingAsQuotedChargesExactlyThat()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(5_000);
        await merchant.GiveMembershipCardAsync(phone, payRateBasisPoints: 8_800);
        await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 500L }, "5 off");
        var best = await merchant.GiveCouponAsync(phone, new { kind = "THRESHOLD", threshold = 10_000L, amountOff = 2_000L }, "100 minus 20");
        await merchant.GiveCouponAsync(phone, new { kind = "THRESHOLD", threshold = 50_000L, amountOff = 9_000L }, "500 minus 90");
        var before = await LedgerCheck.FingerprintAsync(host);

        // 120.00 → member pays 88%: 105.60; 100-minus-20 (judged on the 120.00 bill): 85.60; 50.00 from stored value; 35.60 left.
        var quote = await merchant.QuoteAsync(customer, 12_000);

        Assert.Equal((12_000L, 1_440L, 2_000L, 8_560L, 5_000L, 3_560L), (quote.Minor("amount"), quote.Minor("membershipDiscount"), quote.Minor("couponDiscount"), quote.Minor("payable"), quote.Minor("fromStoredValue"), quote.Minor("leftToPay")));
        Assert.Equal((best, "100 minus 20", "COUPON", "STORED_VALUE_THEN_OUTSIDE"), (quote["couponId"]!.GetValue<string>(), quote["couponName"]!.GetValue<string>(), quote["suggestedMode"]!.GetValue<string>(), quote["payRestWith"]!.GetValue<string>()));

        var scanned = (await host.GraphQLAsync(customer, """
            query($qr: String!, $amount: Long) { scanMerchant(qr: $qr, amount: $amount) {
              merchant { id } quote { couponId membershipDiscount { minorUnits } couponDiscount { minorUnits } fromStoredValue { minorUnits } leftToPay { minorUnits } } errors { code } } }
            """, new { qr = await QrCodeApi.PayloadAsync(merchant), amount = 12_000L }))["data"]!["scanMerchant"]!;
        Assert.Empty(scanned["errors"]!.AsArray());
        Assert.Equal(quote["couponId"]!.GetValue<string>(), scanned["quote"]!["couponId"]!.GetValue<string>());
        Assert.Equal(quote.Minor("leftToPay"), scanned["quote"]!.Minor("leftToPay"));
        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));

        var paid = (await merchant.RedeemCouponAsync(customer, best, 12_000, payRestWith: "STORED_VALUE_THEN_OUTSIDE"))["redemption"]!;
        Assert.Equal(
            (quote.Minor("membershipDiscount"), quote.Minor("couponDiscount"), quote.Minor("fromStoredValue"), quote.Minor("leftToPay")),
            (paid.Minor("membershipDiscount"), paid.Minor("couponDiscount"), paid.Minor("fromStoredValue"), paid.Minor("paidOutside")));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Quote_WithNothingHeld_LeavesTheWholeBillToPay()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());

        var quote = await merchant.QuoteAsync(customer, 2_500);

        Assert.Equal((0L, 0L, 0L, 2_500L), (quote.Minor("membershipDiscount"), quote.Minor("couponDiscount"), quote.Minor("fromStoredValue"), quote.Minor("leftToPay")));
        Assert.Equal(("STORED_VALUE", "STORED_VALUE_THEN_OUTSIDE"), (quote["suggestedMode"]!.GetValue<string>(), quote["payRestWith"]!.GetValue<string>()));
        Assert.Null(quote["couponId"]?.GetValue<string>());

        // Redeeming exactly as quoted is accepted and charges the quote: everything at the till.
        var paid = (await merchant.RedeemStoredValueAsync(customer, 2_500, payRestWith: "STORED_VALUE_THEN_OUTSIDE"))["redemption"]!;
        Assert.Equal((0L, 2_500L), (paid.Minor("fromStoredValue"), paid.Minor("paidOutside")));
    }

    [Theory]
    [InlineData(0L, "BAD_USER_INPUT")]
    [InlineData(-1L, "BAD_USER_INPUT")]
    [InlineData(100_000_001L, "BAD_USER_INPUT")]
    public async Task Quote_WithAnAmountOutOfRange_IsAnError(long amount, string code)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());

        var response = await host.GraphQLAsync(customer, RedemptionCalls.Quote, new { merchantId = merchant.MerchantId, amount });

        Assert.Equal(code, response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var unknown = await host.GraphQLAsync(customer, RedemptionCalls.Quote, new { merchantId = CodeScan.Api.GraphQL.GlobalId.Encode("Merchant", Guid.NewGuid()), amount = 100L });
        Assert.Equal("NOT_FOUND", unknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var scan = await host.GraphQLAsync(customer, "query($qr: String!, $amount: Long) { scanMerchant(qr: $qr, amount: $amount) { quote { payable { minorUnits } } errors { code } } }", new { qr = await QrCodeApi.PayloadAsync(merchant), amount });
        Assert.Equal("AMOUNT_OUT_OF_RANGE", scan["data"]!["scanMerchant"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.IsType<JsonArray>(scan["data"]!["scanMerchant"]!["errors"]);
    }
}

public sealed class EmbeddedQuoteTests() : QuoteTests(StoreMode.Embedded);

public sealed class MariaDbQuoteTests() : QuoteTests(StoreMode.MariaDbRedis);
