using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Catalog;

/// <summary>The owner's catalog: every kind of item defined, listed, paused, resumed, archived; bad terms refused.</summary>
public abstract class CatalogTests(StoreMode mode)
{
    [Fact]
    public async Task Define_WhenEveryKindOfItemIsValid_TheCatalogListsThemWithTheirTerms()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        var times = await merchant.TimesCardAsync();
        Assert.Empty(times.ErrorCodes());
        Assert.Equal(10, times["cardProduct"]!["uses"]!.GetValue<int>());
        var membership = await merchant.MembershipCardAsync();
        Assert.Equal(8_800, membership["cardProduct"]!["payRateBasisPoints"]!.GetValue<int>());
        var cashOff = await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 1_000L });
        Assert.Equal(1_000, cashOff["couponTemplate"]!["terms"]!["amountOff"]!["minorUnits"]!.GetValue<long>());
        var percent = await merchant.CouponAsync(new { kind = "PERCENT_OFF", percentOff = 20, cap = 5_000L }, price: 500);
        Assert.Equal(20, percent["couponTemplate"]!["terms"]!["percentOff"]!.GetValue<int>());
        var threshold = await merchant.CouponAsync(new { kind = "THRESHOLD", threshold = 10_000L, amountOff = 1_500L });
        Assert.Equal(10_000, threshold["couponTemplate"]!["terms"]!["threshold"]!["minorUnits"]!.GetValue<long>());
        var gift = await merchant.CouponAsync(new { kind = "GIFT", giftName = "一杯奶茶 / a milk tea" });
        Assert.Equal("一杯奶茶 / a milk tea", gift["couponTemplate"]!["terms"]!["giftName"]!.GetValue<string>());
        var windowed = await merchant.Host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.DefineCardProduct, new
        {
            input = new { merchantId = merchant.MerchantId, kind = "TIMES_CARD", name = "Summer pass", price = 9_900L, uses = 5, validFrom = DateTimeOffset.UtcNow.AddDays(1), validUntil = DateTimeOffset.UtcNow.AddDays(60) },
        });
        Assert.Empty(windowed.Data("defineCardProduct").ErrorCodes());
        var plan = await merchant.RechargePlanAsync();
        Assert.Equal(2_000, plan["rechargePlan"]!["bonusEach"]!["minorUnits"]!.GetValue<long>());

        var customer = await host.SignInAsync(Phones.Next());
        var catalog = (await host.GraphQLAsync(customer, CatalogCalls.Catalog, new { merchantId = merchant.MerchantId })).Data("catalog");
        Assert.Equal(3, catalog["cardProducts"]!.AsArray().Count);
        Assert.Equal(4, catalog["couponTemplates"]!.AsArray().Count);
        Assert.Single(catalog["rechargePlans"]!.AsArray());
    }

    [Fact]
    public async Task PauseResumeArchive_ChangesWhatCustomersSeeButNotTheMerchantsStaff()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cardId = (await merchant.TimesCardAsync())["cardProduct"]!["id"]!.GetValue<string>();
        var customer = await host.SignInAsync(Phones.Next());

        Assert.Equal("PAUSED", (await Change(merchant, cardId, "PAUSE"))["item"]!["status"]!.GetValue<string>());
        Assert.Empty(await CustomerCards(host, customer, merchant));
        var staffView = (await host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.Catalog, new { merchantId = merchant.MerchantId })).Data("catalog");
        Assert.Equal("PAUSED", Assert.Single(staffView["cardProducts"]!.AsArray())!["status"]!.GetValue<string>());

        Assert.Equal("ACTIVE", (await Change(merchant, cardId, "RESUME"))["item"]!["status"]!.GetValue<string>());
        Assert.Single(await CustomerCards(host, customer, merchant));

        Assert.Equal("ARCHIVED", (await Change(merchant, cardId, "ARCHIVE"))["item"]!["status"]!.GetValue<string>());
        Assert.Equal(["INVALID_STATE_TRANSITION"], (await Change(merchant, cardId, "RESUME")).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await Change(merchant, "garbage", "PAUSE")).ErrorCodes());

        var other = await MerchantScenario.ApprovedAsync(host);
        Assert.Equal(["NOT_FOUND"], (await Change(other, cardId, "PAUSE")).ErrorCodes());
    }

    [Fact]
    public async Task Define_WhenTermsAreBad_AnswersClearlyAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var before = await LedgerCheck.FingerprintAsync(host);

        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.TimesCardAsync(price: -1)).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.TimesCardAsync(price: 100_000_001)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.TimesCardAsync(uses: 0)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.TimesCardAsync(validityDays: 0)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.TimesCardAsync(name: new string('x', 10_000))).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.MembershipCardAsync(payRateBasisPoints: 10_000)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.CouponAsync(new { kind = "PERCENT_OFF", percentOff = 101, cap = 100L })).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.CouponAsync(new { kind = "PERCENT_OFF", percentOff = 10 })).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.CouponAsync(new { kind = "THRESHOLD", threshold = 1_000L, amountOff = 2_000L })).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 100L }, totalStock: 0)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 100L }, totalStock: 5, perCustomerLimit: 6)).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 100L }, price: -5)).ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], (await merchant.CouponAsync(new { kind = "GIFT" })).ErrorCodes());
        var backwards = await host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.DefineCouponTemplate, new
        {
            input = new
            {
                merchantId = merchant.MerchantId, name = "Backwards", kind = "CASH_OFF", amountOff = 100L, price = 0L, totalStock = 5, perCustomerLimit = 1,
                validFrom = DateTimeOffset.UtcNow.AddDays(10), validUntil = DateTimeOffset.UtcNow.AddDays(1),
            },
        });
        Assert.Equal(["INVALID_INPUT"], backwards.Data("defineCouponTemplate").ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.RechargePlanAsync(minAmount: 50_000, maxAmount: 10_000)).ErrorCodes());
        Assert.Equal(["AMOUNT_OUT_OF_RANGE"], (await merchant.RechargePlanAsync(bonusEach: -1)).ErrorCodes());

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        var catalog = (await host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.Catalog, new { merchantId = merchant.MerchantId })).Data("catalog");
        Assert.Empty(catalog["cardProducts"]!.AsArray());
        Assert.Empty(catalog["couponTemplates"]!.AsArray());
        Assert.Empty(catalog["rechargePlans"]!.AsArray());
    }

    private static async Task<JsonObject> Change(MerchantScenario merchant, string itemId, string action) =>
        (await merchant.Host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.ChangeStatus, new { input = new { merchantId = merchant.MerchantId, itemId, action } }))
            .Data("changeCatalogItemStatus");

    private static async Task<JsonArray> CustomerCards(CodeScanHost host, string customer, MerchantScenario merchant) =>
        (await host.GraphQLAsync(customer, CatalogCalls.Catalog, new { merchantId = merchant.MerchantId })).Data("catalog")["cardProducts"]!.AsArray();
}

public sealed class EmbeddedCatalogTests() : CatalogTests(StoreMode.Embedded);

public sealed class MariaDbCatalogTests() : CatalogTests(StoreMode.MariaDbRedis);
