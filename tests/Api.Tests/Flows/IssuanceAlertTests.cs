using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;

namespace CodeScan.Api.Tests.Flows;

/// <summary>Issuing a card or a coupon is announced at the till like a payment, in the merchant's language.</summary>
public abstract class IssuanceAlertTests(StoreMode mode)
{
    private const string Alerts = """
        subscription($merchantId: ID!) {
          merchantAlerts(merchantId: $merchantId) { kind itemName amount { minorUnits } customerPhoneMasked spokenText english: spokenText(locale: EN_US) }
        }
        """;

    [Fact]
    public async Task IssueAtCounterAndClaim_WhenTheTillListens_HearsEachIssuanceWithItsName()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var card = (await merchant.TimesCardAsync(price: 30_000, name: "10 haircuts"))["cardProduct"]!["id"]!.GetValue<string>();
        var coupon = (await merchant.CouponAsync(new { kind = "GIFT", giftName = "a milk tea" }, name: "Free tea"))["couponTemplate"]!["id"]!.GetValue<string>();
        var phone = Phones.Next();
        var customer = await host.SignInAsync(phone);
        await host.WaitForProjectionsAsync();

        await using var till = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("alerts", Alerts, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        Assert.Empty((await merchant.IssueAtCounterAsync(phone, new { cardProductId = card })).ErrorCodes());
        var sold = (await till.ReceiveAsync(TimeSpan.FromSeconds(5))).Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");
        Assert.Equal(("TIMES_CARD_ISSUED", "10 haircuts", 30_000L), (sold.GetProperty("kind").GetString(), sold.GetProperty("itemName").GetString(), sold.GetProperty("amount").GetProperty("minorUnits").GetInt64()));
        Assert.Equal($"售出次卡「10 haircuts」，收款 300.00 元，会员尾号 {phone[^4..]}", sold.GetProperty("spokenText").GetString());

        Assert.Empty((await host.ClaimAsync(customer, merchant.MerchantId, coupon)).ErrorCodes());
        var claimed = (await till.ReceiveAsync(TimeSpan.FromSeconds(5))).Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");
        Assert.Equal("COUPON_ISSUED", claimed.GetProperty("kind").GetString());
        Assert.Equal($"Issued coupon \"Free tea\", member ending {phone[^4..]}.", claimed.GetProperty("english").GetString());
        Assert.Null(await till.TryReceiveAsync(TimeSpan.FromMilliseconds(750)));
    }
}

public sealed class EmbeddedIssuanceAlertTests() : IssuanceAlertTests(StoreMode.Embedded);

public sealed class MariaDbIssuanceAlertTests() : IssuanceAlertTests(StoreMode.MariaDbRedis);
