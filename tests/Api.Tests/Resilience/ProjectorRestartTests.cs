using System.Collections.Concurrent;
using System.Net;
using CodeScan.Api.Tests.Support;
using CodeScan.Application.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeScan.Api.Tests.Resilience;

/// <summary>
/// The projector stopped mid-stream — the whole process going away while payments stream in, or just the
/// projector stopping — loses nothing and applies nothing twice once a projector runs again. Embedded, the
/// next process rebuilds its in-memory read model from zero; on Redis it resumes from the stored checkpoint.
/// </summary>
public abstract class ProjectorRestartTests(StoreMode mode)
{
    [Fact]
    public async Task DisposeHost_WhenPaymentsAreStreaming_SecondHostCatchesUpWithoutDuplicatesOrGaps()
    {
        var stores = HostStores.Create(mode);
        var payments = new ConcurrentQueue<ResiliencePayment>();
        var hostA = await CodeScanHost.StartAsync(stores);
        var hostADisposed = false;
        try
        {
            var merchant = await MerchantScenario.ApprovedAsync(hostA);
            var customers = new List<(string Phone, string Token)>();
            for (var i = 0; i < 4; i++)
            {
                var phone = Phones.Next();
                customers.Add((phone, await hostA.SignInAsync(phone)));
                var funded = await ResiliencePayments.RechargeAsync(hostA, merchant.OwnerToken, merchant.MerchantId, phone, 50_000);
                Assert.True(funded.Succeeded, funded.ToString());
                payments.Enqueue(funded);
            }

            // One worker per customer keeps paying until its host stops answering.
            var workers = customers.Select(c => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var payment = n % 3 == 2
                        ? await ResiliencePayments.RechargeAsync(hostA, merchant.OwnerToken, merchant.MerchantId, c.Phone, 500, bonus: 50)
                        : await ResiliencePayments.RedeemAsync(hostA, c.Token, merchant.MerchantId, 300);
                    payments.Enqueue(payment);
                    if (payment.Unanswered)
                    {
                        return;
                    }

                    Assert.True(payment.Succeeded, payment.ToString());
                }
            })).ToList();

            // Mid-stream: once a good number have gone through, the process goes away under the workers.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (payments.Count(p => p.Succeeded) < 30 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.True(workers.TrueForAll(w => !w.IsCompleted), "A worker stopped before the host was disposed.");
            hostADisposed = true;
            await hostA.DisposeAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(15));
            var takenOnA = payments.Count(p => p.Succeeded);
            Assert.True(takenOnA >= 30, $"Only {takenOnA} payments went through on host A.");

            // The same stores, a new process: it takes more payments and its projector catches up on everything.
            await using var hostB = await CodeScanHost.StartAsync(stores);
            var onB = await Task.WhenAll(customers.SelectMany(c => new[]
            {
                ResiliencePayments.RedeemAsync(hostB, c.Token, merchant.MerchantId, 400),
                ResiliencePayments.RechargeAsync(hostB, merchant.OwnerToken, merchant.MerchantId, c.Phone, 1_000),
            }));
            Assert.All(onB, p => Assert.True(p.Succeeded, p.ToString()));
            foreach (var payment in onB)
            {
                payments.Enqueue(payment);
            }

            // Requests cut off by the shutdown have an unknown outcome: the write model is the truth for those.
            var consistency = await ResilienceReadModelCheck.AssertConsistentAsync(hostB, payments, everyPaymentWasAnswered: false);
            var acknowledged = payments.Count(p => p.Succeeded);
            var unanswered = payments.Count(p => p.Unanswered);
            Assert.InRange(consistency.Payments, acknowledged, acknowledged + unanswered);
        }
        finally
        {
            if (!hostADisposed)
            {
                await hostA.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StopProjector_WhenPaymentsContinue_ReadModelLagsThenCatchesUpOnStart()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var merchantId = ResiliencePayments.MerchantGuid(merchant.MerchantId);
        var phone = Phones.Next();
        var token = await host.SignInAsync(phone);
        var payments = new List<ResiliencePayment> { await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, phone, 10_000) };
        await host.WaitForProjectionsAsync();

        var store = host.Services.GetRequiredService<IReadModelStore>();
        var customerId = await ResiliencePayments.CustomerIdAsync(host, phone);
        var before = await store.GetWalletAsync(merchantId, customerId, CancellationToken.None);
        Assert.NotNull(before);
        Assert.Equal(10_000, before.Balance);
        var alertsBefore = await store.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None);

        var projector = host.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "ProjectorService");
        await projector.StopAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            payments.Add(await ResiliencePayments.RedeemAsync(host, token, merchant.MerchantId, 1_000));
        }

        Assert.All(payments, p => Assert.True(p.Succeeded, p.ToString()));

        // Well past the projector's 1 s poll: with it stopped, the read model has not moved.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(before, await store.GetWalletAsync(merchantId, customerId, CancellationToken.None));
        Assert.Equal(10_000, await merchant.WalletBalanceAsync(token));
        Assert.Equal(alertsBefore, await store.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None));
        using (var lagging = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, lagging.StatusCode);
            Assert.Contains("\"projectorCaughtUp\":false", await lagging.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await projector.StartAsync(CancellationToken.None);

        var consistency = await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
        var after = await store.GetWalletAsync(merchantId, customerId, CancellationToken.None);
        Assert.Equal(7_000, after!.Balance);
        Assert.Equal(consistency.LastPosition, after.Position);
        Assert.Equal(7_000, await merchant.WalletBalanceAsync(token));
        Assert.Equal(alertsBefore.Count + 3, (await store.GetAlertsAsync(merchantId, 0, int.MaxValue, CancellationToken.None)).Count);
        using var ready = await host.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}

public sealed class EmbeddedProjectorRestartTests() : ProjectorRestartTests(StoreMode.Embedded);

public sealed class MariaDbProjectorRestartTests() : ProjectorRestartTests(StoreMode.MariaDbRedis);
