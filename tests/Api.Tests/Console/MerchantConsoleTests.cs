using System.Globalization;
using CodeScan.Api.Tests.Identity;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

// Not "…Tests.Console": a namespace by that name would hide System.Console from every test namespace.
namespace CodeScan.Api.Tests.MerchantConsole;

/// <summary>
/// The merchant console at /console in headless Chromium: a cashier signs in through the page's own form,
/// a customer pays, and the page shows the alert and asks the browser to speak it — once, in the
/// merchant's language — and after a network drop it hears exactly what it missed, in order.
/// </summary>
public abstract class MerchantConsoleTests(StoreMode mode)
{
    private const string Alerts = """
        query($merchantId: ID!) {
          merchantAlerts(merchantId: $merchantId, first: 100) { nodes { id kind spokenText locale amount { minorUnits display } } }
        }
        """;

    [Fact]
    public async Task Console_IsServedWithItsScriptAndSecurityHeaders()
    {
        await using var host = await CodeScanHost.StartAsync(mode);

        foreach (var (path, type) in new[] { ("/console", "text/html"), ("/console/console.js", "text/javascript"), ("/console/session.js", "text/javascript"), ("/console/console.css", "text/css") })
        {
            using var response = await host.Http.GetAsync(path);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        }

        var page = await host.Http.GetStringAsync("/console");
        Assert.Contains("<script type=\"module\" src=\"/console/console.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);

        // The session module is one file, the dashboard's too.
        Assert.Equal(await host.Http.GetStringAsync("/dashboard/session.js"), await host.Http.GetStringAsync("/console/session.js"));
        using var missing = await host.Http.GetAsync("/console/secrets.json");
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task SignIn_ThenAPaymentIsTaken_ShowsItAndSpeaksItOnceInTheMerchantsLanguage()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var cashier = await CashierAsync(merchant);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000);
        await host.WaitForProjectionsAsync();

        await using var browser = ConsoleBrowser.Start();
        var headers = await browser.OpenAsync(new Uri(host.BaseAddress, "/console"));
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);

        var connected = await SignInAsync(browser, host, cashier);
        Assert.Equal("alerts-panel", connected.Screen);
        Assert.Equal("Tea House", connected.MerchantName);

        // A console that has just started shows the latest alerts (here the recharge that funded the
        // customer) without speaking them; it announces only what happens from now on.
        var history = await AlertsAsync(merchant);
        var recharge = Assert.Single(history);
        Assert.Equal([(recharge.Id, recharge.SpokenText)], connected.Alerts.Select(entry => (entry.Id, entry.Text!)));
        Assert.Empty(connected.Spoken);

        // The tokens stay in this tab's sessionStorage: not in the address, not in localStorage.
        Assert.Contains("codescan.console.session", connected.Storage.SessionStorageKeys);
        Assert.Empty(connected.Storage.LocalStorageKeys);
        Assert.EndsWith("/console", connected.Url, StringComparison.Ordinal);

        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());
        var alert = Assert.Single(await RedemptionAlertsAsync(merchant));
        Assert.StartsWith("Received 25.00 yuan from stored value", alert.SpokenText, StringComparison.Ordinal);

        await browser.WaitUntilAsync(page => page.Alerts.Count >= 2 && page.Spoken.Count >= 1, "the payment to be shown and spoken");
        var shown = await SettledAsync(browser);
        Assert.Equal([alert.Id, recharge.Id], shown.Alerts.Select(entry => entry.Id));
        var entry = shown.Alerts[0];
        Assert.Equal(alert.SpokenText, entry.Text);
        Assert.Equal("25.00 CNY", entry.Amount);
        Assert.False(string.IsNullOrWhiteSpace(entry.Time));
        Assert.Equal(new[] { new Utterance(alert.SpokenText, "en-US") }, shown.Spoken);
        AssertNoPageFaults(shown);
    }

    [Fact]
    public async Task Reconnect_AfterTheNetworkDropped_SpeaksEachMissedPaymentOnceInOrder()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cashier = await CashierAsync(merchant);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000);
        await host.WaitForProjectionsAsync();

        await using var network = NetworkCut.To(host.BaseAddress);
        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(network.BaseAddress, "/console"));
        await SignInAsync(browser, host, cashier);
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        Assert.Empty((await merchant.RedeemAsync(customer, 1_000)).Data("redeem").ErrorCodes());
        await browser.WaitUntilAsync(page => page.Spoken.Count >= 1, "the first payment to be spoken");

        // The network drops: the page must notice, and the service must have let the subscription go.
        network.Cut();
        await browser.WaitUntilAsync(page => page.Connection.State == "reconnecting", "the page to show that it lost the connection");
        await AlertSubscribers.WaitForNoneAsync(host, merchant.MerchantId);

        long[] missed = [1_001, 1_002, 1_003];
        foreach (var amount in missed)
        {
            Assert.Empty((await merchant.RedeemAsync(customer, amount)).Data("redeem").ErrorCodes());
        }

        await host.WaitForProjectionsAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (network.Refused == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(network.Refused > 0, "The page never tried to reconnect while the network was down.");
        var whileDown = await browser.SnapshotAsync();
        Assert.Equal(2, whileDown.Alerts.Count); // the recharge shown on opening, and the first payment
        Assert.Single(whileDown.Spoken);

        network.Restore();
        await browser.WaitUntilAsync(
            page => page.Connection.State == "connected" && page.Spoken.Count >= 4,
            "the page to reconnect and hear the three payments it missed",
            TimeSpan.FromSeconds(30));
        var expected = await RedemptionAlertsAsync(merchant);
        long[] paid = [1_000, .. missed];
        Assert.Equal(paid, expected.Select(alert => alert.MinorUnits));
        var replayed = await SettledAsync(browser);
        Assert.Equal(expected.Select(alert => new Utterance(alert.SpokenText, "zh-CN")), replayed.Spoken);
        Assert.Equal(expected.Select(alert => (alert.Id, alert.SpokenText)).Reverse(), replayed.Alerts.SkipLast(1).Select(entry => (entry.Id, entry.Text!)));
        Assert.All(replayed.Alerts, entry => Assert.Equal("zh-CN", entry.Lang));
        Assert.True(replayed.Sockets.Count >= 2, "The page did not open a new WebSocket.");
        Assert.Equal("closed", replayed.Sockets[0].State);

        // And it is live again.
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_000)).Data("redeem").ErrorCodes());
        await browser.WaitUntilAsync(page => page.Spoken.Count >= 5, "the payment after the reconnect to be spoken");
        var live = await SettledAsync(browser);
        var all = await RedemptionAlertsAsync(merchant);
        Assert.Equal(all.Select(alert => new Utterance(alert.SpokenText, "zh-CN")), live.Spoken);
        Assert.Equal((await AlertsAsync(merchant)).Select(alert => alert.Id).Reverse(), live.Alerts.Select(entry => entry.Id));
        AssertNoPageFaults(live);
    }

    [Fact]
    public async Task Reconnect_WhenTheDropComesBeforeAnyLiveAlert_StillSpeaksWhatWasMissed()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cashier = await CashierAsync(merchant);
        var (_, customer) = await merchant.FundedCustomerAsync(100_000);
        await host.WaitForProjectionsAsync();

        await using var network = NetworkCut.To(host.BaseAddress);
        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(network.BaseAddress, "/console"));
        await SignInAsync(browser, host, cashier);
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        // Nothing live heard yet: the cursor comes from the history the console showed on opening.
        network.Cut();
        await browser.WaitUntilAsync(page => page.Connection.State == "reconnecting", "the page to show that it lost the connection");
        await AlertSubscribers.WaitForNoneAsync(host, merchant.MerchantId);
        Assert.Empty((await merchant.RedeemAsync(customer, 1_100)).Data("redeem").ErrorCodes());
        Assert.Empty((await merchant.RedeemAsync(customer, 1_200)).Data("redeem").ErrorCodes());
        await host.WaitForProjectionsAsync();

        network.Restore();
        await browser.WaitUntilAsync(page => page.Connection.State == "connected" && page.Spoken.Count >= 2, "the page to hear the two payments it missed", TimeSpan.FromSeconds(30));
        var replayed = await SettledAsync(browser);
        var expected = await RedemptionAlertsAsync(merchant);
        Assert.Equal([1_100L, 1_200L], expected.Select(alert => alert.MinorUnits));
        Assert.Equal(expected.Select(alert => new Utterance(alert.SpokenText, "zh-CN")), replayed.Spoken);
        Assert.Equal((await AlertsAsync(merchant)).Select(alert => alert.Id).Reverse(), replayed.Alerts.Select(entry => entry.Id));
        AssertNoPageFaults(replayed);
    }

    [Fact]
    public async Task AccessTokenExpiry_TheConsoleRenewsItsSessionAndGoesOnSpeaking()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(mode, clock);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cashier = await CashierAsync(merchant);
        var (customerPhone, _) = await merchant.FundedCustomerAsync(100_000);
        await host.WaitForProjectionsAsync();
        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/console"));
        await SignInAsync(browser, host, cashier);
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        var issued = (await host.RefreshTokensAsync()).Count;

        // The server closes the console's socket (4403) when its token expires; the browser's own clock
        // has not moved, so the console learns it from the close, refreshes and reconnects.
        clock.Advance(TimeSpan.FromMinutes(15));
        await WaitForAsync(async () => (await host.RefreshTokensAsync()).Count > issued, "the console to refresh its tokens");
        await browser.WaitUntilAsync(page => page.Connection.State == "connected", "the console to connect again");
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);
        var customer = await host.SignInAsync(customerPhone);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var heard = await browser.WaitUntilAsync(page => page.Spoken.Count >= 1, "the console to speak the payment", TimeSpan.FromSeconds(30));
        Assert.Contains("25", Assert.Single(heard.Spoken).Text, StringComparison.Ordinal);
        Assert.Equal("alerts-panel", heard.Screen);
        AssertNoPageFaults(heard);
    }

    [Fact]
    public async Task SignIn_WithAWrongCode_ShowsAnErrorInTheChosenLanguageAndStaysSignedOut()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var cashier = await CashierAsync(merchant);

        await using var browser = ConsoleBrowser.Start();
        await browser.OpenAsync(new Uri(host.BaseAddress, "/console"));
        await browser.TypeAsync("#phone", cashier);
        await browser.ClickAsync("#request-code");
        var code = await SentCodeAsync(browser, host, cashier);
        var wrong = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await browser.TypeAsync("#code", wrong);
        await browser.ClickAsync("#submit-code");

        var refused = await browser.WaitUntilAsync(page => page.Error is not null, "the page to show an error");
        Assert.Equal("SIGN_IN_CODE_INVALID", refused.Error!.Code);
        Assert.Equal("en-US", refused.Lang);
        Assert.Equal("The code is wrong or has expired. Enter it again or ask for a new one.", refused.Error.Text);
        Assert.Equal("sign-in", refused.Screen);
        Assert.DoesNotContain("codescan.console.session", refused.Storage.SessionStorageKeys);
        Assert.Equal("idle", refused.Connection.State);

        await browser.SelectAsync("#language", "zh-CN");
        var chinese = await browser.SnapshotAsync();
        Assert.Equal("zh-CN", chinese.Lang);
        Assert.Equal("验证码错误或已过期，请重新输入或重新获取。", chinese.Error!.Text);

        // The right code still works after a wrong one.
        await browser.TypeAsync("#code", code);
        await browser.ClickAsync("#submit-code");
        var signedIn = await browser.WaitUntilAsync(page => page.Connection.State == "connected", "the page to sign in and connect");
        Assert.Null(signedIn.Error);
        Assert.Equal("已连接，实时播报中", signedIn.Connection.Text);
        AssertNoPageFaults(signedIn);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A cashier of the merchant: the staff member the console is for.</summary>
    private static async Task<string> CashierAsync(MerchantScenario merchant)
    {
        var phone = Phones.Next();
        var added = await merchant.Host.GraphQLAsync(merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = merchant.MerchantId, phone } });
        Assert.Empty(added.Data("addCashier").ErrorCodes());
        return phone;
    }

    /// <summary>Signs in through the page's own form, with the code from the development SMS outbox.</summary>
    private static async Task<ConsoleSnapshot> SignInAsync(ConsoleBrowser browser, CodeScanHost host, string phone)
    {
        await browser.TypeAsync("#phone", phone);
        await browser.ClickAsync("#request-code");
        var code = await SentCodeAsync(browser, host, phone);
        await browser.TypeAsync("#code", code);
        await browser.ClickAsync("#submit-code");
        return await browser.WaitUntilAsync(page => page.Connection.State == "connected", "the console to sign in and connect");
    }

    private static async Task<string> SentCodeAsync(ConsoleBrowser browser, CodeScanHost host, string phone)
    {
        await browser.WaitUntilAsync(page => page.CodeFormVisible, "the page to ask for the code");
        return host.Services.GetRequiredService<DevelopmentSmsOutbox>().LatestCodeFor(phone)
            ?? throw new InvalidOperationException($"The page asked for the code, but none was sent to {phone}.");
    }

    /// <summary>A snapshot taken after a pause, so a duplicate arriving late would be in it.</summary>
    private static async Task<ConsoleSnapshot> SettledAsync(ConsoleBrowser browser)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return await browser.SnapshotAsync();
    }

    /// <summary>The merchant's payment alerts as the API reports them, oldest first.</summary>
    private static async Task<IReadOnlyList<ExpectedAlert>> RedemptionAlertsAsync(MerchantScenario merchant) =>
        [.. (await AlertsAsync(merchant, "STORED_VALUE_REDEEMED"))];

    private static async Task<IReadOnlyList<ExpectedAlert>> AlertsAsync(MerchantScenario merchant, string? kind = null)
    {
        await merchant.Host.WaitForProjectionsAsync();
        var response = await merchant.Host.GraphQLAsync(merchant.OwnerToken, Alerts, new { merchantId = merchant.MerchantId });
        return [.. response.Data("merchantAlerts")["nodes"]!.AsArray()
            .Select(node => node!.AsObject())
            .Where(node => kind is null || node["kind"]!.GetValue<string>() == kind)
            .Select(node => new ExpectedAlert(
                node["id"]!.GetValue<string>(),
                node["spokenText"]!.GetValue<string>(),
                node["amount"]!["minorUnits"]!.GetValue<long>()))];
    }

    private static void AssertNoPageFaults(ConsoleSnapshot page)
    {
        Assert.Empty(page.PageErrors);
        Assert.DoesNotContain(page.ConsoleErrors, message => message.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private sealed record ExpectedAlert(string Id, string SpokenText, long MinorUnits);
}

public sealed class EmbeddedMerchantConsoleTests() : MerchantConsoleTests(StoreMode.Embedded);

public sealed class MariaDbMerchantConsoleTests() : MerchantConsoleTests(StoreMode.MariaDbRedis);
