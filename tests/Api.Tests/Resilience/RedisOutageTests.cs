using System.Net;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Resilience;

/// <summary>
/// Redis holds only read models: a node keeps taking payments while it is gone, reports itself not ready,
/// and once Redis is back the projector resumes from the checkpoint Redis persisted — every payment taken
/// during the outage is projected, nothing acknowledged before it is lost, nothing is applied twice.
/// </summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task Payments_WhenRedisIsKilledAndRestarted_AllSucceedAndReadModelCatchesUpExactly()
    {
        await using var redis = await ResilienceRedisServer.StartAsync();
        var stores = HostStores.Create(StoreMode.MariaDbRedis, redisConnectionString: redis.ConnectionString);
        await using var host = await CodeScanHost.StartAsync(stores);

        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customers = new List<(string Phone, string Token)>();
        var payments = new List<ResiliencePayment>();
        for (var i = 0; i < 3; i++)
        {
            var phone = Phones.Next();
            customers.Add((phone, await host.SignInAsync(phone)));
            payments.Add(await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, phone, 10_000, bonus: 1_000));
            payments.Add(await ResiliencePayments.RedeemAsync(host, customers[i].Token, merchant.MerchantId, 1_500));
        }

        Assert.All(payments, p => Assert.True(p.Succeeded, p.ToString()));
        var beforeOutage = await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
        Assert.Equal(6, beforeOutage.Alerts);

        await redis.KillAsync();
        await WaitForReadinessAsync(host, HttpStatusCode.ServiceUnavailable);

        // Payments do not need Redis: every one of them succeeds, in parallel, while it is down.
        var duringOutage = await Task.WhenAll(customers.SelectMany(c => new[]
        {
            ResiliencePayments.RedeemAsync(host, c.Token, merchant.MerchantId, 700),
            ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, c.Phone, 2_000, bonus: 200),
            ResiliencePayments.RedeemAsync(host, c.Token, merchant.MerchantId, 300),
        }));
        Assert.All(duringOutage, p => Assert.True(p.Succeeded, p.ToString()));
        payments.AddRange(duringOutage);

        // Still not ready: the read store does not answer and the projector cannot have applied them.
        using (var readiness = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
            Assert.Contains("\"readStore\":false", await readiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(host.Projector.AppliedPosition <= beforeOutage.LastPosition, $"Applied {host.Projector.AppliedPosition} with Redis down.");

        await redis.RestartAsync();

        var afterOutage = await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(6 + duringOutage.Length, afterOutage.Alerts);
        await WaitForReadinessAsync(host, HttpStatusCode.OK);
    }

    private static async Task WaitForReadinessAsync(CodeScanHost host, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == expected)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"/readyz stayed {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(50);
        }
    }
}
