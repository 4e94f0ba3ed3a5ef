using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>
/// Issue 5, write-off (核销): the customer's app shows a short-lived code for a coupon or times card, and a
/// cashier redeems it for them. A used, expired, replaced or foreign code is refused with its own error.
/// </summary>
public abstract class WriteOffTests(StoreMode mode)
{
    [Fact]
    public async Task CouponCode_WrittenOffByACashier_RedeemsItWithTheRestCollectedAtTheTill()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cashier = await merchant.AddCashierAsync();
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 800L }, "8 off");
        var issued = (await host.RequestWriteOffCodeAsync(customer, couponId: coupon))["writeOffCode"]!;
        Assert.Matches("^[0-9]{12}$", issued["code"]!.GetValue<string>());
        Assert.Equal(("COUPON", coupon, "8 off"), (issued["target"]!.GetValue<string>(), issued["instrumentId"]!.GetValue<string>(), issued["instrumentName"]!.GetValue<string>()));
        var code = issued["code"]!.GetValue<string>();
        await using var sides = await BothSides.ListenAsync(host, merchant, customer);

        var writtenOff = await merchant.WriteOffAsync(code[..4] + " " + code[4..8] + "-" + code[8..], amount: 3_000, token: cashier);

        Assert.Empty(writtenOff.ErrorCodes());
        var redemption = writtenOff["redemption"]!;
        Assert.Equal(("COUPON", "STAFF_WRITE_OFF"), (redemption["mode"]!.GetValue<string>(), redemption["channel"]!.GetValue<string>()));
        Assert.Equal((3_000L, 800L, 0L, 2_200L), (redemption.Minor("amount"), redemption.Minor("couponDiscount"), redemption.Minor("fromStoredValue"), redemption.Minor("paidOutside")));
        var alert = await sides.NextAlertAsync();
        Assert.Equal($"优惠券「8 off」核销，抵扣 8.00 元，请另收 22.00 元，会员尾号 {phone[^4..]}", alert.GetProperty("spokenText").GetString());
        var wallet = await sides.NextWalletAsync();
        Assert.Equal("USED", wallet.GetProperty("coupons").EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(10_000, wallet.GetProperty("storedValue").GetProperty("minorUnits").GetInt64());

        Assert.Equal(["WRITE_OFF_CODE_USED"], (await merchant.WriteOffAsync(code, amount: 3_000, token: cashier)).ErrorCodes());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task TimesCardCode_WrittenOff_TakesTheUses()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 5, price: 5_000);
        Assert.Equal(["USES_EXHAUSTED"], (await host.RequestWriteOffCodeAsync(customer, timesCardId: card, uses: 6)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await host.RequestWriteOffCodeAsync(customer, timesCardId: card, uses: 0)).ErrorCodes());
        var issued = (await host.RequestWriteOffCodeAsync(customer, timesCardId: card, uses: 2))["writeOffCode"]!;
        Assert.Equal(2, issued["uses"]!.GetValue<int>());
        var code = issued["code"]!.GetValue<string>();

        // The cashier takes the uses the customer put on the code, no more.
        Assert.Equal(["INVALID_INPUT"], (await merchant.WriteOffAsync(code, amount: 100)).ErrorCodes());
        var writtenOff = await merchant.WriteOffAsync(code);

        Assert.Empty(writtenOff.ErrorCodes());
        Assert.Equal(("TIMES_CARD", 2, 3), (writtenOff["redemption"]!["mode"]!.GetValue<string>(), writtenOff["redemption"]!["uses"]!.GetValue<int>(), writtenOff["redemption"]!["usesLeft"]!.GetValue<int>()));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Code_WhenExpiredReplacedForeignOrMadeUp_IsRefusedWithItsOwnErrorAndChangesNothing()
    {
        // The service's clock: a real one-second lifetime could run out for the current code too on a busy machine.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock, s => s["Redemptions:WriteOffCodeLifetime"] = "00:01:00");
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 5);
        var expiring = await CodeFor(host, customer, card);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var replaced = await CodeFor(host, customer, card);
        var current = await CodeFor(host, customer, card);
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(["WRITE_OFF_CODE_EXPIRED"], (await merchant.WriteOffAsync(expiring)).ErrorCodes());
        Assert.Equal(["WRITE_OFF_CODE_EXPIRED"], (await merchant.WriteOffAsync(replaced)).ErrorCodes());
        Assert.Equal(["WRITE_OFF_CODE_WRONG_MERCHANT"], (await other.WriteOffAsync(current)).ErrorCodes());
        Assert.Equal(["WRITE_OFF_CODE_INVALID"], (await merchant.WriteOffAsync("12345")).ErrorCodes());
        Assert.Equal(["WRITE_OFF_CODE_INVALID"], (await merchant.WriteOffAsync(current == "000000000000" ? "000000000001" : "000000000000")).ErrorCodes());
        Assert.Equal(["WRITE_OFF_CODE_INVALID"], (await merchant.WriteOffAsync("abcdefghijkl")).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.WriteOffAsync(new string('1', 10_000))).ErrorCodes());
        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));

        // A fresh code, used at once, still works (the one-second lifetime is short only for this test).
        Assert.Empty((await merchant.WriteOffAsync(await CodeFor(host, customer, card))).ErrorCodes());
    }

    [Fact]
    public async Task Code_ForAUsedCouponOrSomeoneElsesCard_IsNotIssued()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (phone, customer) = await merchant.FundedCustomerAsync(10_000);
        var coupon = await merchant.GiveCouponAsync(phone, new { kind = "CASH_OFF", amountOff = 100L }, "1 off");
        Assert.Empty((await merchant.RedeemCouponAsync(customer, coupon, 1_000)).ErrorCodes());
        var stranger = await host.SignInAsync(Phones.Next());

        Assert.Equal(["COUPON_ALREADY_USED"], (await host.RequestWriteOffCodeAsync(customer, couponId: coupon)).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await host.RequestWriteOffCodeAsync(stranger, couponId: coupon)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await host.RequestWriteOffCodeAsync(customer)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await host.RequestWriteOffCodeAsync(customer, couponId: coupon, uses: 2)).ErrorCodes());
    }

    [Fact]
    public async Task Codes_RequestedFiveTimesAtOnceForOneCard_LeaveExactlyOneThatWorks()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 10);

        var requested = await Together.FireAsync(5, _ => host.RequestWriteOffCodeAsync(customer, timesCardId: card));
        Assert.All(requested, r => Assert.Empty(r.ErrorCodes()));

        var outcomes = new List<IReadOnlyList<string>>();
        foreach (var r in requested)
        {
            outcomes.Add((await merchant.WriteOffAsync(r["writeOffCode"]!["code"]!.GetValue<string>())).ErrorCodes());
        }

        Assert.Single(outcomes, o => o.Count == 0);
        Assert.Equal(4, outcomes.Count(o => o.SequenceEqual(["WRITE_OFF_CODE_EXPIRED"])));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task WriteOff_AtAnUnknownMerchant_IsNotFoundAndSaysNothingAboutTheCode()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 3);
        var code = await CodeFor(host, customer, card);

        var probe = (await host.GraphQLAsync(customer, RedemptionCalls.WriteOff, new
        {
            input = new { merchantId = CodeScan.Api.GraphQL.GlobalId.Encode("Merchant", Guid.NewGuid()), code, idempotencyKey = Guid.NewGuid().ToString("N") },
        })).Data("writeOff");

        Assert.Equal(["NOT_FOUND"], probe.ErrorCodes());
        Assert.Empty((await merchant.WriteOffAsync(code)).ErrorCodes());
    }

    [Fact]
    public async Task Code_WrittenOffByTenCashiersAtOnce_RedeemsOnce()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        var card = await merchant.GiveTimesCardAsync(phone, uses: 10);
        var code = await CodeFor(host, customer, card);

        var payloads = await Together.FireAsync(10, _ => merchant.WriteOffAsync(code));

        Assert.Single(payloads, p => p.ErrorCodes().Count == 0);
        Assert.Equal(9, payloads.Count(p => p.ErrorCodes().SequenceEqual(["WRITE_OFF_CODE_USED"])));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    private static async Task<string> CodeFor(CodeScanHost host, string customer, string card) =>
        (await host.RequestWriteOffCodeAsync(customer, timesCardId: card))["writeOffCode"]!["code"]!.GetValue<string>();
}

public sealed class EmbeddedWriteOffTests() : WriteOffTests(StoreMode.Embedded);

public sealed class MariaDbWriteOffTests() : WriteOffTests(StoreMode.MariaDbRedis);
