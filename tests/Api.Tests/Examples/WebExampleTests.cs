using System.Globalization;
using CodeScan.Api.Tests.Support;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CodeScan.Api.Tests.Examples;

/// <summary>
/// examples/web, the TypeScript client, run as its README says against the embedded service: its types are
/// generated from the service's introspection, so a change to the schema that breaks one of its operations
/// fails the type check (<see cref="BuiltWebExample"/>); its demo signs in, pays and hears the till's alert; and
/// its till keeps its socket past the expiry of the access token it opened with.
/// </summary>
public sealed class WebExampleTests(BuiltWebExample example, ITestOutputHelper output) : IClassFixture<BuiltWebExample>
{
    private const string RenewedUntil = "Socket renewed until ";

    [Fact]
    public async Task WebExample_AgainstTheRunningService_GeneratesTypesTypeChecksAndHearsThePayment()
    {
        output.WriteLine(example.Log);
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var customer = Phones.Next();
        var environment = new Dictionary<string, string>
        {
            ["CODESCAN_URL"] = host.GraphQLUri.ToString(),
            ["CODESCAN_OWNER_PHONE"] = Phones.Next(),
            ["CODESCAN_CUSTOMER_PHONE"] = customer,
        };

        var demo = await BuiltWebExample.RunAsync("demo", environment, output.WriteLine);

        Assert.Contains(
            $"Alert: STORED_VALUE_REDEEMED 25.00 CNY \"Received 25.00 yuan from stored value, member ending {customer[^4..]}, balance 75.00 yuan.\"",
            demo,
            StringComparison.Ordinal);
        Assert.Contains("Wallet: 75.00 CNY", demo, StringComparison.Ordinal);
    }

    /// <summary>
    /// The service's clock is moved past the expiry of the token the till's socket was opened with, after the till
    /// renewed it in a ping: the socket is never closed or reopened, and its subscription hears the next payment.
    /// </summary>
    [Fact]
    public async Task Till_PastTheExpiryOfItsFirstAccessToken_RenewsItInAPingAndKeepsItsSocketAndSubscription()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded, clock);
        var lifetime = host.Services.GetRequiredService<IOptions<JwtOptions>>().Value.AccessTokenLifetime;
        var merchant = await MerchantScenario.ApprovedAsync(host, locale: "EN_US");
        var (customerPhone, _) = await merchant.FundedCustomerAsync(10_000);
        await host.WaitForProjectionsAsync();
        var firstExpiry = clock.GetUtcNow() + lifetime;

        using var till = NodeScript.StartNpm(BuiltWebExample.Project, "till", new Dictionary<string, string>
        {
            ["CODESCAN_URL"] = host.GraphQLUri.ToString(),
            ["CODESCAN_STAFF_PHONE"] = merchant.OwnerPhone,
            ["CODESCAN_MERCHANT_ID"] = merchant.MerchantId,
            // A second short of the lifetime: the till renews every second of its own clock, whatever the service's says.
            ["CODESCAN_RENEW_BEFORE_EXPIRY_SECONDS"] = (lifetime.TotalSeconds - 1).ToString(CultureInfo.InvariantCulture),
            ["CODESCAN_ALERTS"] = "1",
        });
        var printed = new List<string>();
        await ReadUntilAsync(till, printed, line => line.StartsWith("Till listening", StringComparison.Ordinal));
        await BusProbe.WaitForAlertSubscriberAsync(host, merchant.MerchantId);

        // Ten minutes on, a renewal hands the socket a token that outlives the first one; then past the first one's expiry.
        clock.Advance(TimeSpan.FromMinutes(10));
        await ReadUntilAsync(till, printed, line => line.StartsWith(RenewedUntil, StringComparison.Ordinal)
            && DateTimeOffset.Parse(line[RenewedUntil.Length..], CultureInfo.InvariantCulture) > firstExpiry);
        clock.Advance(lifetime - TimeSpan.FromMinutes(10) + TimeSpan.FromMinutes(1));
        var customer = await host.SignInAsync(customerPhone);
        Assert.Empty((await merchant.RedeemAsync(customer, 2_500)).Data("redeem").ErrorCodes());

        var (exitCode, rest) = await till.WaitAsync();
        printed.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        output.WriteLine(string.Join('\n', printed) + "\n" + till.Errors);
        Assert.True(exitCode == 0, $"npm run till exited with {exitCode}: {till.Errors}");
        Assert.Contains(printed, line => line.StartsWith("Alert: STORED_VALUE_REDEEMED 25.00 CNY", StringComparison.Ordinal));
        Assert.Single(printed, line => line == "Socket opened");
        Assert.DoesNotContain(printed, line => line.StartsWith("Socket closed: 4403", StringComparison.Ordinal));
    }

    private static async Task ReadUntilAsync(NodeScript script, List<string> printed, Func<string, bool> wanted)
    {
        for (var line = await script.NextLineAsync(); ; line = await script.NextLineAsync())
        {
            printed.Add(line);
            if (wanted(line))
            {
                return;
            }
        }
    }
}
