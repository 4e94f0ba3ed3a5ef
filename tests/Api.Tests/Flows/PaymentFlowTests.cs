using System.Diagnostics;
using System.Text.Json;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using CodeScan.Application.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Flows;

/// <summary>
/// The walking skeleton end to end over real HTTP and a real WebSocket: register, approve, recharge
/// 100.00, redeem 25.00 → one spoken alert, and the wallet read model shows 75.00 within a second.
/// </summary>
public abstract class PaymentFlowTests(StoreMode mode)
{
    [Fact]
    public async Task RechargeThenRedeem_WhenTillIsSubscribed_HearsExactlyOneAlertAndWalletShowsRest()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (customerPhone, customer) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();
        Assert.Equal(10_000, await merchant.WalletBalanceAsync(customer));

        await using var till = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        await using var phone = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + customer);
        await phone.SubscribeAsync("wallet", Gql.WalletChangedSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForWalletSubscriberAsync(host, merchant.MerchantId, customer);

        var redeemed = (await merchant.RedeemAsync(customer, 2_500)).Data("redeem");
        Assert.Empty(redeemed.ErrorCodes());
        Assert.Equal(7_500, redeemed["redemption"]!["storedValueAfter"]!["minorUnits"]!.GetValue<long>());

        var message = await till.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("next", message.Type);
        var alert = message.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts");
        Assert.Equal("STORED_VALUE_REDEEMED", alert.GetProperty("kind").GetString());
        Assert.Equal(2_500, alert.GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal(7_500, alert.GetProperty("balanceAfter").GetProperty("minorUnits").GetInt64());
        Assert.Equal(customerPhone[..3] + "****" + customerPhone[^4..], alert.GetProperty("customerPhoneMasked").GetString());
        Assert.Equal($"储值消费 25.00 元，会员尾号 {customerPhone[^4..]}，余额 75.00 元", alert.GetProperty("spokenText").GetString());
        Assert.Contains("25.00 yuan", alert.GetProperty("english").GetString());

        // The first push is the payment's: the recharge's own announcement, published without waiting, may arrive after
        // the phone subscribed, but the customer could already read that wallet, so the feed leaves it out.
        var walletChanged = await phone.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("next", walletChanged.Type);
        Assert.Equal(7_500, walletChanged.Payload!.Value.GetProperty("data").GetProperty("walletChanged").GetProperty("storedValue").GetProperty("minorUnits").GetInt64());

        // Exactly one: nothing else arrives for this payment.
        Assert.Null(await till.TryReceiveAsync(TimeSpan.FromMilliseconds(750)));

        var clock = Stopwatch.StartNew();
        long balance;
        while ((balance = await merchant.WalletBalanceAsync(customer)) != 7_500 && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(10);
        }

        Assert.Equal(7_500, balance);
        await LedgerCheck.AssertBalancedAsync(host);
    }

    [Fact]
    public async Task LiveFeeds_WhenWhatWasReadableIsAnnouncedLate_PushOnlyWhatIsNewer()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();
        Assert.True(GlobalId.TryDecode(merchant.MerchantId, "Merchant", out var merchantId));
        var me = await host.GraphQLAsync(customer, "{ me { id } }");
        Assert.True(GlobalId.TryDecode(me.Data("me")["id"]!.GetValue<string>(), "User", out var customerId));
        var readable = await host.Services.GetRequiredService<IReadModelStore>().GetWalletAsync(merchantId, customerId, CancellationToken.None);
        Assert.NotNull(readable);

        await using var phone = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + customer);
        await phone.SubscribeAsync("wallet", Gql.WalletChangedSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForWalletSubscriberAsync(host, merchant.MerchantId, customer);
        await using var till = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + merchant.OwnerToken);
        await till.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        // Late announcements of what could be read before subscribing: the wallet readable, an older one, and an alert
        // the till would otherwise speak as if it were a new payment.
        var bus = host.Services.GetRequiredService<INotificationBus>();
        var channel = Channels.WalletChanged(merchantId, customerId);
        await bus.PublishAsync(channel, readable, CancellationToken.None);
        await bus.PublishAsync(channel, readable with { Principal = 1, Position = readable.Position - 1 }, CancellationToken.None);
        var stale = (await host.Services.GetRequiredService<IReadModelStore>().GetLatestAlertsAsync(merchantId, null, 1, CancellationToken.None)).Single();
        await bus.PublishAsync(Channels.MerchantAlerts(merchantId), stale, CancellationToken.None);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());
        var payment = await phone.ReceiveAsync(TimeSpan.FromSeconds(5));
        var alert = await till.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("STORED_VALUE_REDEEMED", alert.Payload!.Value.GetProperty("data").GetProperty("merchantAlerts").GetProperty("kind").GetString());

        // Then the payment's wallet announced again, late (a projector that retried): already pushed, so left out.
        var paid = await host.Services.GetRequiredService<IReadModelStore>().GetWalletAsync(merchantId, customerId, CancellationToken.None);
        await bus.PublishAsync(channel, paid!, CancellationToken.None);

        Assert.Equal("next", payment.Type);
        Assert.Equal(7_500, payment.Payload!.Value.GetProperty("data").GetProperty("walletChanged").GetProperty("storedValue").GetProperty("minorUnits").GetInt64());
        Assert.Null(await phone.TryReceiveAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Redeem_WhenTillUsesTheGraphQLWsNpmClient_ItReceivesTheSpokenAlert()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var (_, customer) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();

        await using var node = await GraphQLWsNodeClient.StartAsync(
            host.WebSocketUri, merchant.OwnerToken, Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId }, expectedCount: 1, TimeSpan.FromSeconds(30));
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var payloads = await node.WaitAsync();
        var alert = Assert.Single(payloads).GetProperty("data").GetProperty("merchantAlerts");
        Assert.Equal("EN_US", alert.GetProperty("locale").GetString());
        Assert.StartsWith("Received 25.00 yuan from stored value", alert.GetProperty("spokenText").GetString());
        Assert.Equal(JsonValueKind.String, alert.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task Subscribe_WhenCallerIsNotStaffOfTheMerchant_IsRefusedWithForbidden()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var stranger = await host.SignInAsync(Phones.Next());

        await using var socket = await GraphQLWsTestClient.ConnectAsync(host.WebSocketUri, "Bearer " + stranger);
        await socket.SubscribeAsync("alerts", Gql.MerchantAlertsSubscription, new { merchantId = merchant.MerchantId });
        var messages = await socket.ReceiveUntilDoneAsync("alerts");

        // As the reference graphql-ws server does, a source stream that fails to start is one `next`
        // carrying the execution error, then `complete`.
        var first = messages[0];
        Assert.Equal("next", first.Type);
        Assert.Equal("FORBIDDEN", first.Payload!.Value.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("complete", messages[^1].Type);
    }
}

public sealed class EmbeddedPaymentFlowTests() : PaymentFlowTests(StoreMode.Embedded);

public sealed class MariaDbPaymentFlowTests() : PaymentFlowTests(StoreMode.MariaDbRedis);
