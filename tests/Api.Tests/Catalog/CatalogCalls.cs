using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Catalog;

/// <summary>The catalog mutations as the merchant's back office sends them.</summary>
public static class CatalogCalls
{
    public const string DefineCardProduct = """
        mutation($input: DefineCardProductInput!) {
          defineCardProduct(input: $input) {
            cardProduct { id kind name price { minorUnits } uses payRateBasisPoints validity { days validFrom validUntil } status }
            errors { code message path }
          }
        }
        """;

    public const string DefineCouponTemplate = """
        mutation($input: DefineCouponTemplateInput!) {
          defineCouponTemplate(input: $input) {
            couponTemplate { id name price { minorUnits } terms { kind amountOff { minorUnits } percentOff cap { minorUnits } threshold { minorUnits } giftName } totalStock issuedCount perCustomerLimit status }
            errors { code message path }
          }
        }
        """;

    public const string DefineRechargePlan = """
        mutation($input: DefineRechargePlanInput!) {
          defineRechargePlan(input: $input) {
            rechargePlan { id name payEvery { minorUnits } bonusEach { minorUnits } minAmount { minorUnits } maxAmount { minorUnits } status }
            errors { code message path }
          }
        }
        """;

    public const string ChangeStatus = """
        mutation($input: ChangeCatalogItemStatusInput!) { changeCatalogItemStatus(input: $input) { item { id status } errors { code message path } } }
        """;

    public const string Catalog = """
        query($merchantId: ID!) {
          catalog(merchantId: $merchantId) {
            cardProducts { id name status } couponTemplates { id name status issuedCount } rechargePlans { id name status }
          }
        }
        """;

    public static async Task<JsonObject> TimesCardAsync(this MerchantScenario merchant, long price = 30_000, int uses = 10, int validityDays = 365, string name = "10 haircuts") =>
        (await merchant.Host.GraphQLAsync(merchant.OwnerToken, DefineCardProduct, new
        {
            input = new { merchantId = merchant.MerchantId, kind = "TIMES_CARD", name, price, uses, validityDays },
        })).Data("defineCardProduct");

    public static async Task<JsonObject> MembershipCardAsync(this MerchantScenario merchant, long price = 50_000, int payRateBasisPoints = 8_800, int validityDays = 365) =>
        (await merchant.Host.GraphQLAsync(merchant.OwnerToken, DefineCardProduct, new
        {
            input = new { merchantId = merchant.MerchantId, kind = "MEMBERSHIP_CARD", name = "Gold member", price, payRateBasisPoints, validityDays },
        })).Data("defineCardProduct");

    public static async Task<JsonObject> CouponAsync(this MerchantScenario merchant, object terms, long price = 0, int totalStock = 100, int perCustomerLimit = 1, int validityDays = 30, string name = "Welcome coupon")
    {
        var input = new JsonObject
        {
            ["merchantId"] = merchant.MerchantId,
            ["name"] = name,
            ["price"] = price,
            ["totalStock"] = totalStock,
            ["perCustomerLimit"] = perCustomerLimit,
            ["validityDays"] = validityDays,
        };
        foreach (var (key, value) in JsonSerializerNode(terms))
        {
            input[key] = value?.DeepClone();
        }

        return (await merchant.Host.GraphQLAsync(merchant.OwnerToken, DefineCouponTemplate, new { input })).Data("defineCouponTemplate");
    }

    public static async Task<JsonObject> RechargePlanAsync(this MerchantScenario merchant, long payEvery = 10_000, long bonusEach = 2_000, long minAmount = 10_000, long maxAmount = 1_000_000) =>
        (await merchant.Host.GraphQLAsync(merchant.OwnerToken, DefineRechargePlan, new
        {
            input = new { merchantId = merchant.MerchantId, name = "Pay 100 get 20", payEvery, bonusEach, minAmount, maxAmount },
        })).Data("defineRechargePlan");

    private static JsonObject JsonSerializerNode(object value) => (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}
