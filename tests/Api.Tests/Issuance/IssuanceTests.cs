using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Orders;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Instruments;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Issuance;

/// <summary>Counter issuance, and every kind of bad item refused with a clear error and no change.</summary>
public abstract class IssuanceTests(StoreMode mode)
{
    [Fact]
    public async Task IssueAtCounter_ForANewNumber_RegistersTheCustomerAndIssuesWithTheStaffMember()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var card = (await merchant.TimesCardAsync(price: 30_000, uses: 10, validityDays: 30)).Id("cardProduct");
        var plan = (await merchant.RechargePlanAsync(payEvery: 10_000, bonusEach: 2_000, minAmount: 10_000, maxAmount: 100_000)).Id("rechargePlan");
        var coupon = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, price: 300, totalStock: 5)).Id("couponTemplate");
        var phone = Phones.Next();

        var issuedCard = (await merchant.IssueAtCounterAsync(phone, new { cardProductId = card }))["instrument"]!;
        var recharged = (await merchant.IssueAtCounterAsync(phone, new { rechargePlanId = plan, amount = 30_000L }))["instrument"]!;
        var issuedCoupon = (await merchant.IssueAtCounterAsync(phone, new { couponTemplateId = coupon }))["instrument"]!;

        Assert.Equal(("CARD", "COUNTER", 10, 30_000L), (issuedCard["kind"]!.GetValue<string>(), issuedCard["source"]!.GetValue<string>(), issuedCard["usesGranted"]!.GetValue<int>(), issuedCard["amountPaid"]!["minorUnits"]!.GetValue<long>()));
        Assert.Equal(("STORED_VALUE", 30_000L, 6_000L), (recharged["kind"]!.GetValue<string>(), recharged["amountPaid"]!["minorUnits"]!.GetValue<long>(), recharged["bonus"]!["minorUnits"]!.GetValue<long>()));
        Assert.Equal("COUPON", issuedCoupon["kind"]!.GetValue<string>());

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            var owner = await db.Merchants.AsNoTracking().Select(m => m.OwnerId).SingleAsync();
            var issued = await db.Cards.AsNoTracking().SingleAsync();
            Assert.Equal((IssueSource.Counter, owner, (Guid?)null), (issued.Source, issued.IssuedBy!.Value, issued.OrderId));
            Assert.Equal(30, (issued.ExpiresAt - issued.ValidFrom).TotalDays);
            Assert.Equal(owner, (await db.Coupons.AsNoTracking().SingleAsync()).IssuedBy);
            Assert.Equal(owner, (await db.Recharges.AsNoTracking().SingleAsync()).RecordedBy);
        }

        var customer = await host.SignInAsync(phone);
        await host.WaitForProjectionsAsync();
        Assert.Equal(36_000, await merchant.WalletBalanceAsync(customer));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Issue_WhenTheItemIsUnknownForeignPausedArchivedOrOutOfRange_IsRefusedAndChangesNothing()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var foreignCard = (await other.TimesCardAsync()).Id("cardProduct");
        var paused = (await merchant.TimesCardAsync(name: "paused")).Id("cardProduct");
        var archived = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, price: 100, name: "archived")).Id("couponTemplate");
        var pricedCoupon = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, price: 100, name: "priced")).Id("couponTemplate");
        var freeCoupon = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 500L }, name: "free")).Id("couponTemplate");
        var plan = (await merchant.RechargePlanAsync(minAmount: 10_000, maxAmount: 100_000)).Id("rechargePlan");
        await ChangeStatusAsync(merchant, paused, "PAUSE");
        await ChangeStatusAsync(merchant, archived, "ARCHIVE");
        var unknown = GraphQL.GlobalId.Encode("CardProduct", Guid.NewGuid());
        var before = await LedgerCheck.FingerprintAsync(host);

        async Task<(string Code, string? Field)> Purchase(object item)
        {
            var payload = await host.PurchaseAsync(customer, merchant.MerchantId, item);
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            Assert.Null(payload["order"]);
            return (error["code"]!.GetValue<string>(), error["path"]?[1]?.GetValue<string>());
        }

        Assert.Equal(("NOT_FOUND", "item"), await Purchase(new { cardProductId = unknown }));
        Assert.Equal(("NOT_FOUND", "item"), await Purchase(new { cardProductId = foreignCard }));
        Assert.Equal(("NOT_FOUND", "item"), await Purchase(new { couponTemplateId = unknown }));
        Assert.Equal(("ITEM_NOT_ON_SALE", "item"), await Purchase(new { cardProductId = paused }));
        Assert.Equal(("ITEM_NOT_ON_SALE", "item"), await Purchase(new { couponTemplateId = archived }));
        Assert.Equal(("AMOUNT_OUT_OF_RANGE", "amount"), await Purchase(new { rechargePlanId = plan, amount = 9_999L }));
        Assert.Equal(("AMOUNT_OUT_OF_RANGE", "amount"), await Purchase(new { rechargePlanId = plan, amount = 100_001L }));
        Assert.Equal(("INVALID_INPUT", "amount"), await Purchase(new { rechargePlanId = plan }));
        Assert.Equal(("INVALID_INPUT", "amount"), await Purchase(new { cardProductId = paused, amount = 100L }));
        Assert.Equal(("INVALID_INPUT", "item"), await Purchase(new { }));
        Assert.Equal(("INVALID_INPUT", "item"), await Purchase(new { cardProductId = paused, couponTemplateId = archived }));
        Assert.Equal(("INVALID_INPUT", "item"), await Purchase(new { couponTemplateId = freeCoupon }));

        var claimPriced = await host.ClaimAsync(customer, merchant.MerchantId, pricedCoupon);
        Assert.Equal(["PAYMENT_REQUIRED"], claimPriced.ErrorCodes());
        Assert.Contains("purchase", claimPriced["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["NOT_FOUND"], (await host.ClaimAsync(customer, merchant.MerchantId, GraphQL.GlobalId.Encode("CouponTemplate", Guid.NewGuid()))).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await host.ClaimAsync(customer, other.MerchantId, freeCoupon)).ErrorCodes());
        Assert.Equal(["NOT_FOUND"], (await merchant.IssueAtCounterAsync(Phones.Next(), new { cardProductId = foreignCard })).ErrorCodes());
        Assert.Equal(["ITEM_NOT_ON_SALE"], (await merchant.IssueAtCounterAsync(Phones.Next(), new { cardProductId = paused })).ErrorCodes());

        Assert.Equal(before, await LedgerCheck.FingerprintAsync(host));
        Assert.Equal((0, 0, 0, 0), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    private static async Task ChangeStatusAsync(MerchantScenario merchant, string itemId, string action)
    {
        var changed = await merchant.Host.GraphQLAsync(merchant.OwnerToken, CatalogCalls.ChangeStatus, new { input = new { merchantId = merchant.MerchantId, itemId, action } });
        Assert.Empty(changed.Data("changeCatalogItemStatus").ErrorCodes());
    }
}

public sealed class EmbeddedIssuanceTests() : IssuanceTests(StoreMode.Embedded);

public sealed class MariaDbIssuanceTests() : IssuanceTests(StoreMode.MariaDbRedis);
