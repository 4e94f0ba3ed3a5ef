using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Redemptions;

/// <summary>Paying at the till as the customer's app and the merchant's staff send it.</summary>
public static class RedemptionCalls
{
    public const string RedemptionFields = """
        id mode channel amount { minorUnits } membershipDiscount { minorUnits } couponId couponDiscount { minorUnits }
        timesCardId uses usesLeft instrumentName fromStoredValue { minorUnits } fromPrincipal { minorUnits } fromBonus { minorUnits }
        paidOutside { minorUnits } storedValueAfter { minorUnits } createdAt
        """;

    public const string Redeem = $$"""
        mutation($input: RedeemInput!) { redeem(input: $input) { redemption { {{RedemptionFields}} } errors { code message path } } }
        """;

    public const string Quote = """
        query($merchantId: ID!, $amount: Long!) {
          quote(merchantId: $merchantId, amount: $amount) {
            amount { minorUnits } membershipCardId membershipDiscount { minorUnits } couponId couponName couponDiscount { minorUnits }
            payable { minorUnits } fromStoredValue { minorUnits } leftToPay { minorUnits } suggestedMode payRestWith
          }
        }
        """;

    public const string Reverse = """
        mutation($input: ReverseRedemptionInput!) {
          reverseRedemption(input: $input) {
            reversal {
              id redemptionId mode storedValueRestored { minorUnits } principalRestored { minorUnits } bonusRestored { minorUnits }
              usesRestored usesLeft couponRestored outsideToRefund { minorUnits } reason storedValueAfter { minorUnits } storedValueLeftToReverse { minorUnits } usesLeftToReverse
            }
            errors { code message path }
          }
        }
        """;

    public const string RequestWriteOffCode = """
        mutation($input: RequestWriteOffCodeInput!) {
          requestWriteOffCode(input: $input) { writeOffCode { code merchantId target instrumentId instrumentName uses expiresAt } errors { code message path } }
        }
        """;

    public const string WriteOff = $$"""
        mutation($input: WriteOffInput!) { writeOff(input: $input) { redemption { {{RedemptionFields}} } errors { code message path } } }
        """;

    public const string Alerts = """
        subscription($merchantId: ID!) {
          merchantAlerts(merchantId: $merchantId) {
            id kind mode redemptionId amount { minorUnits } bill { minorUnits } discount { minorUnits } paidOutside { minorUnits }
            uses usesLeft couponRestored itemName balanceAfter { minorUnits } spokenText english: spokenText(locale: EN_US) chinese: spokenText(locale: ZH_CN)
          }
        }
        """;

    public const string WalletChanged = """
        subscription($merchantId: ID!) {
          walletChanged(merchantId: $merchantId) {
            storedValue { minorUnits } cards { id usesLeft } coupons { id status }
          }
        }
        """;

    public static async Task<JsonObject> RedeemWithAsync(this CodeScanHost host, string customerToken, object input) =>
        (await host.GraphQLAsync(customerToken, Redeem, new { input })).Data("redeem");

    public static Task<JsonObject> RedeemStoredValueAsync(this MerchantScenario merchant, string customerToken, long amount, string? key = null, string? payRestWith = null) =>
        merchant.Host.RedeemWithAsync(customerToken, Input(merchant, "STORED_VALUE", key, ("amount", amount), ("payRestWith", payRestWith)));

    public static Task<JsonObject> RedeemTimesCardAsync(this MerchantScenario merchant, string customerToken, string cardId, int uses = 1, string? key = null) =>
        merchant.Host.RedeemWithAsync(customerToken, Input(merchant, "TIMES_CARD", key, ("timesCardId", cardId), ("uses", uses)));

    public static Task<JsonObject> RedeemCouponAsync(this MerchantScenario merchant, string customerToken, string couponId, long amount, string payRestWith = "STORED_VALUE", string? key = null) =>
        merchant.Host.RedeemWithAsync(customerToken, Input(merchant, "COUPON", key, ("couponId", couponId), ("amount", amount), ("payRestWith", payRestWith)));

    public static async Task<JsonObject> ReverseAsync(this MerchantScenario merchant, string redemptionId, long? amount = null, int? uses = null, string reason = "Customer changed their mind", string? key = null, string? token = null)
    {
        var input = new JsonObject
        {
            ["merchantId"] = merchant.MerchantId,
            ["redemptionId"] = redemptionId,
            ["reason"] = reason,
            ["idempotencyKey"] = key ?? Guid.NewGuid().ToString("N"),
        };
        if (amount is not null)
        {
            input["amount"] = amount;
        }

        if (uses is not null)
        {
            input["uses"] = uses;
        }

        return (await merchant.Host.GraphQLAsync(token ?? merchant.OwnerToken, Reverse, new { input })).Data("reverseRedemption");
    }

    public static async Task<JsonObject> QuoteAsync(this MerchantScenario merchant, string customerToken, long amount) =>
        (await merchant.Host.GraphQLAsync(customerToken, Quote, new { merchantId = merchant.MerchantId, amount }))["data"]!["quote"]!.AsObject();

    public static async Task<JsonObject> RequestWriteOffCodeAsync(this CodeScanHost host, string customerToken, string? couponId = null, string? timesCardId = null, int? uses = null) =>
        (await host.GraphQLAsync(customerToken, RequestWriteOffCode, new { input = new { couponId, timesCardId, uses } })).Data("requestWriteOffCode");

    public static async Task<JsonObject> WriteOffAsync(this MerchantScenario merchant, string code, long? amount = null, string? key = null, string? token = null) =>
        (await merchant.Host.GraphQLAsync(token ?? merchant.OwnerToken, WriteOff, new
        {
            input = new { merchantId = merchant.MerchantId, code, amount, idempotencyKey = key ?? Guid.NewGuid().ToString("N") },
        })).Data("writeOff");

    /// <summary>Sells the customer a times card at the counter; returns the card's id.</summary>
    public static async Task<string> GiveTimesCardAsync(this MerchantScenario merchant, string customerPhone, int uses = 3, long price = 30_000, string name = "3 washes")
    {
        var product = (await merchant.TimesCardAsync(price: price, uses: uses, name: name))["cardProduct"]!["id"]!.GetValue<string>();
        var issued = await merchant.IssueAtCounterAsync(customerPhone, new { cardProductId = product });
        Assert.Empty(issued.ErrorCodes());
        return issued.Id("instrument");
    }

    /// <summary>Sells the customer a membership card at the counter; returns the card's id.</summary>
    public static async Task<string> GiveMembershipCardAsync(this MerchantScenario merchant, string customerPhone, int payRateBasisPoints = 8_800)
    {
        var product = (await merchant.MembershipCardAsync(payRateBasisPoints: payRateBasisPoints))["cardProduct"]!["id"]!.GetValue<string>();
        var issued = await merchant.IssueAtCounterAsync(customerPhone, new { cardProductId = product });
        Assert.Empty(issued.ErrorCodes());
        return issued.Id("instrument");
    }

    /// <summary>Gives the customer a coupon with the given terms at the counter; returns the coupon's id.</summary>
    public static async Task<string> GiveCouponAsync(this MerchantScenario merchant, string customerPhone, object terms, string name, long price = 0)
    {
        var template = (await merchant.CouponAsync(terms, price: price, name: name))["couponTemplate"]!["id"]!.GetValue<string>();
        var issued = await merchant.IssueAtCounterAsync(customerPhone, new { couponTemplateId = template });
        Assert.Empty(issued.ErrorCodes());
        return issued.Id("instrument");
    }

    /// <summary>Adds a new cashier to the merchant; returns their token.</summary>
    public static async Task<string> AddCashierAsync(this MerchantScenario merchant)
    {
        var phone = Phones.Next();
        var token = await merchant.Host.SignInAsync(phone);
        var added = (await merchant.Host.GraphQLAsync(merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = merchant.MerchantId, phone } })).Data("addCashier");
        Assert.Empty(added.ErrorCodes());
        return token;
    }

    public static long Minor(this JsonNode node, string field) => node[field]!["minorUnits"]!.GetValue<long>();

    public static JsonElement AlertOf(this Transport.GraphQLWsReceivedMessage message) =>
        message.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");

    private static JsonObject Input(MerchantScenario merchant, string mode, string? key, params (string Name, object? Value)[] fields)
    {
        var input = new JsonObject
        {
            ["merchantId"] = merchant.MerchantId,
            ["mode"] = mode,
            ["idempotencyKey"] = key ?? Guid.NewGuid().ToString("N"),
        };
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            input[name] = JsonValue.Create(value);
        }

        return input;
    }
}
