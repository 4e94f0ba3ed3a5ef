using CodeScan.Api.Tests.Catalog;
using CodeScan.Api.Tests.Support;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Ledger;
using CodeScan.Infrastructure.Payments;
using CodeScan.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Orders;

/// <summary>
/// Buying by payment end to end over real HTTP: purchase → simulated provider → signed webhook over HTTP
/// → order paid → the card, coupon or stored value issued once, with the ledger balanced.
/// </summary>
public abstract class PurchaseFlowTests(StoreMode mode)
{
    private const string WalletHoldings = """
        query($merchantId: ID!) {
          wallet(merchantId: $merchantId) {
            storedValue { minorUnits } bonus { minorUnits }
            cards { kind usesLeft payRateBasisPoints } coupons { status terms { amountOff { minorUnits } } }
          }
        }
        """;

    [Fact]
    public async Task Purchase_OfEveryInstrumentType_WhenTheProviderPays_IssuesItOnceAndBalancesTheLedger()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var timesCard = (await merchant.TimesCardAsync(price: 30_000, uses: 10)).Id("cardProduct");
        var membership = (await merchant.MembershipCardAsync(price: 50_000)).Id("cardProduct");
        var coupon = (await merchant.CouponAsync(new { kind = "CASH_OFF", amountOff = 1_000L }, price: 500, totalStock: 5)).Id("couponTemplate");
        var plan = (await merchant.RechargePlanAsync(payEvery: 10_000, bonusEach: 2_000, minAmount: 10_000, maxAmount: 100_000)).Id("rechargePlan");

        var items = new (object Item, long Due, string Kind)[]
        {
            (new { cardProductId = timesCard }, 30_000, "CARD_PRODUCT"),
            (new { cardProductId = membership }, 50_000, "CARD_PRODUCT"),
            (new { couponTemplateId = coupon }, 500, "COUPON_TEMPLATE"),
            (new { rechargePlanId = plan, amount = 25_000L }, 25_000, "RECHARGE_PLAN"),
        };
        var orders = new List<string>();
        foreach (var (item, due, kind) in items)
        {
            var purchased = await host.PurchaseAsync(customer, merchant.MerchantId, item);
            Assert.Empty(purchased.ErrorCodes());
            Assert.Equal("AWAITING_PAYMENT", purchased["order"]!["status"]!.GetValue<string>());
            Assert.Equal(kind, purchased["order"]!["itemKind"]!.GetValue<string>());
            Assert.Equal(due, purchased["order"]!["amountDue"]!["minorUnits"]!.GetValue<long>());
            Assert.Equal("Simulated", purchased["payment"]!["provider"]!.GetValue<string>());
            Assert.StartsWith("sim_", purchased["payment"]!["sessionId"]!.GetValue<string>(), StringComparison.Ordinal);
            orders.Add(purchased.Id("order"));
        }

        foreach (var order in orders)
        {
            var paid = await host.WaitForOrderAsync(customer, order, "PAID");
            Assert.NotNull(paid["paidAt"]?.GetValue<string>());
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CodeScanDbContext>();
            var cards = await db.Cards.AsNoTracking().OrderBy(c => c.IssuedAt).ToListAsync();
            Assert.Equal(2, cards.Count);
            Assert.All(cards, c => Assert.Equal(IssueSource.PaidOrder, c.Source));
            Assert.Equal(10, cards.Single(c => c.OrderId == OrderCalls.OrderGuid(orders[0])).UsesGranted);
            Assert.Equal(8_800, cards.Single(c => c.OrderId == OrderCalls.OrderGuid(orders[1])).PayRateBasisPoints);
            var issuedCoupon = Assert.Single(await db.Coupons.AsNoTracking().ToListAsync());
            Assert.Equal(OrderCalls.OrderGuid(orders[2]), issuedCoupon.OrderId);
            Assert.Equal(1, await db.CouponTemplates.Select(t => t.IssuedCount).SingleAsync());
            var recharge = Assert.Single(await db.Recharges.AsNoTracking().ToListAsync());
            Assert.Equal((25_000L, 4_000L), (recharge.Amount, recharge.Bonus));
            Assert.Equal((OrderCalls.OrderGuid(orders[3]), (CodeScan.Domain.Common.UserId?)null), (recharge.OrderId, recharge.RecordedBy));

            // Cards and coupons sold: cash → deferred revenue, 30,000 + 50,000 + 500.
            var deferred = await db.LedgerAccounts.AsNoTracking().SingleAsync(a => a.Kind == AccountKind.MerchantDeferredRevenue);
            Assert.Equal(80_500, deferred.Balance);
            var cash = await db.LedgerAccounts.AsNoTracking().SingleAsync(a => a.Kind == AccountKind.MerchantCash);
            Assert.Equal(80_500 + 25_000, cash.Balance);
        }

        await host.WaitForProjectionsAsync();
        var wallet = (await host.GraphQLAsync(customer, WalletHoldings, new { merchantId = merchant.MerchantId })).Data("wallet");
        Assert.Equal(29_000, wallet["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(4_000, wallet["bonus"]!["minorUnits"]!.GetValue<long>());
        var held = wallet["cards"]!.AsArray().Select(c => (c!["kind"]!.GetValue<string>(), c["usesLeft"]?.GetValue<int>(), c["payRateBasisPoints"]?.GetValue<int>())).Order().ToList();
        Assert.Equal([("MEMBERSHIP_CARD", (int?)null, (int?)8_800), ("TIMES_CARD", 10, null)], held);
        var heldCoupon = Assert.Single(wallet["coupons"]!.AsArray())!;
        Assert.Equal(("AVAILABLE", 1_000L), (heldCoupon["status"]!.GetValue<string>(), heldCoupon["terms"]!["amountOff"]!["minorUnits"]!.GetValue<long>()));

        var history = (await host.GraphQLAsync(customer, OrderCalls.Orders, new { first = 3 })).Data("orders");
        Assert.Equal(3, history["edges"]!.AsArray().Count);
        Assert.True(history["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var rest = (await host.GraphQLAsync(customer, OrderCalls.Orders, new { first = 3, after = history["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data("orders");
        var all = history["edges"]!.AsArray().Concat(rest["edges"]!.AsArray()).Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(orders.AsEnumerable().Reverse(), all);

        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Purchase_WhenReplayedWithTheSameKey_ReturnsTheSameOrderAndIssuesNothingMore()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var card = (await merchant.TimesCardAsync()).Id("cardProduct");
        var other = (await merchant.MembershipCardAsync()).Id("cardProduct");
        var key = Guid.NewGuid().ToString("N");

        var first = await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card }, key);
        var order = first.Id("order");
        await host.WaitForOrderAsync(customer, order, "PAID");
        var replayed = await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card }, key);
        var reused = await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = other }, key);

        Assert.Equal(first.ToJsonString(), replayed.ToJsonString());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], reused.ErrorCodes());
        await Task.Delay(500); // a second payment, had one been started, would land now
        Assert.Equal((1, 0, 0, 1), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Purchase_WhenTheSameKeyIsSentFiveTimesAtOnce_PlacesOneOrder()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var plan = (await merchant.RechargePlanAsync()).Id("rechargePlan");
        var key = Guid.NewGuid().ToString("N");

        var payloads = await Together.FireAsync(5, _ => host.PurchaseAsync(customer, merchant.MerchantId, new { rechargePlanId = plan, amount = 10_000L }, key));

        Assert.All(payloads, p => Assert.Empty(p.ErrorCodes()));
        var order = Assert.Single(payloads.Select(p => p.Id("order")).Distinct());
        await host.WaitForOrderAsync(customer, order, "PAID");
        Assert.Equal((0, 0, 1, 1), await host.CountsAsync());
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Purchase_WhenNeverPaid_ExpiresAndALatePaymentIsRefusedAndLogged()
    {
        await using var host = await CodeScanHost.StartAsync(mode, s =>
        {
            OrderCalls.Settings(timeToPay: TimeSpan.FromSeconds(1))(s);
            s["Payments:LatePaymentGrace"] = "00:00:00";
        });
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var card = (await merchant.TimesCardAsync(price: 30_000)).Id("cardProduct");
        host.Provider().Behaviour = SimulatedPaymentBehaviour.DoNotPay;
        var logs = host.CaptureLogs();

        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");
        await host.WaitForOrderAsync(customer, order, "EXPIRED");
        var status = await host.Provider().NotifyAsync(
            new PaymentNotification(OrderCalls.OrderGuid(order), "late_" + Guid.NewGuid().ToString("N"), 30_000, "CNY", "paid", DateTimeOffset.UtcNow),
            CancellationToken.None);

        Assert.Equal(409, status);
        Assert.Equal("REFUND_DUE", (await host.OrderAsync(customer, order))!["status"]!.GetValue<string>());
        Assert.Equal((0, 0, 0, 1), await host.CountsAsync());
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("refunded", StringComparison.Ordinal) && e.Message.Contains(OrderCalls.OrderGuid(order).ToString(), StringComparison.Ordinal));
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task Orders_OfSomeoneElse_AreNotVisible()
    {
        await using var host = await CodeScanHost.StartAsync(mode, OrderCalls.Settings());
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var stranger = await host.SignInAsync(Phones.Next());
        host.Provider().Behaviour = SimulatedPaymentBehaviour.DoNotPay;
        var card = (await merchant.TimesCardAsync()).Id("cardProduct");

        var order = (await host.PurchaseAsync(customer, merchant.MerchantId, new { cardProductId = card })).Id("order");

        Assert.NotNull(await host.OrderAsync(customer, order));
        Assert.Null(await host.OrderAsync(stranger, order));
        Assert.Empty((await host.GraphQLAsync(stranger, OrderCalls.Orders, new { first = 10 })).Data("orders")["edges"]!.AsArray());
    }
}

public sealed class EmbeddedPurchaseFlowTests() : PurchaseFlowTests(StoreMode.Embedded);

public sealed class MariaDbPurchaseFlowTests() : PurchaseFlowTests(StoreMode.MariaDbRedis);
