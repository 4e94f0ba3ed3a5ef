using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Messaging;
using CodeScan.Infrastructure.ReadModels;
using CodeScan.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// Issue 12, point 6: <c>rebuild-read-models</c> on MariaDB + Redis while payments are taken over HTTP. The new
/// generation is built aside and switched in under the projector lease: afterwards every read model equals a
/// rebuild from zero and the ledger, no payment is lost or counted twice, a till heard each alert once (the
/// rebuild announces nothing), a reader never saw a balance go back (no half-built generation was ever live),
/// and the old generation's keys are gone (on every primary of a Redis Cluster).
/// </summary>
public abstract class RebuildReadModelsTests(StoreMode mode)
{
    [Fact]
    public async Task Rebuild_WhilePaymentsAreTaken_SwitchesToAGenerationEqualToARebuildFromZeroAndTheLedger()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchants = new[] { await MerchantScenario.ApprovedAsync(host), await MerchantScenario.ApprovedAsync(host) };
        var heard = new ConcurrentBag<long>();
        using var till = host.Services.GetRequiredService<INotificationBus>()
            .Observe<MerchantAlertView>(Channels.MerchantAlerts(ResiliencePayments.MerchantGuid(merchants[0].MerchantId)))
            .Subscribe(new Listener(a => heard.Add(a.Position)));
        var customers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Phones.Next()).Select(async phone => (Phone: phone, Token: await host.SignInAsync(phone))));
        var payments = new ConcurrentBag<ResiliencePayment>(
            await Task.WhenAll(customers.Select(c => ResiliencePayments.RechargeAsync(host, merchants[0].OwnerToken, merchants[0].MerchantId, c.Phone, 50_000))));
        await PayAsync(host, merchants, customers, payments, 60, CancellationToken.None);

        // The reader's customer only ever receives: a balance that goes back was read from a half-built model.
        var (readerPhone, readerToken) = customers[0];
        using var stop = new CancellationTokenSource();
        var paying = PayAsync(host, merchants, customers, payments, int.MaxValue, stop.Token);
        var reading = ReadBalancesAsync(merchants[0], readerToken, stop.Token);
        var feeding = FeedAsync(host, merchants[0], readerPhone, payments, stop.Token);
        var before = (await ResilienceReadModelCheck.ReadWholeLogAsync(host))[^1].Position;
        var rebuild = await RebuildRun.RunAsync(host.Stores, s => (s["Rebuild:BatchSize"], s["Rebuild:RetireDelay"]) = ("25", "00:00:01"));
        await PayAsync(host, merchants, customers, payments, 10, CancellationToken.None);
        stop.Cancel();
        await Task.WhenAll(paying, feeding);
        var balances = await reading;

        Assert.True(rebuild.ExitCode == 0, rebuild.Errors);
        Assert.Matches(@"^Rebuilt every read model: [\d,]+ events in [\d.]+ s \([\d,]+ events/s\); generation 1 is live, generation 0 was deleted\.", rebuild.Output);
        var rebuilt = long.Parse(Regex.Match(rebuild.Output, @"model: ([\d,]+) events").Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rebuilt > before, $"No payment committed during the rebuild ({before} events before it, {rebuilt} rebuilt).");
        Assert.Matches(@"\[[#-]{30}\] +\d+% [\d,]+/[\d,]+ events [\d,]+ events/s", rebuild.Errors);
        Assert.Equal(1, host.Services.GetRequiredService<RedisKeys>().Generation);
        Assert.True(balances.Count > 1, "The reader read nothing during the rebuild.");
        Assert.Equal(balances.Order(), balances);

        var consistency = await ResilienceReadModelCheck.AssertConsistentAsync(host, payments, everyPaymentWasAnswered: true);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SalesRebuild.AssertLiveEqualsRebuildAsync(host, merchants.Select(m => ResiliencePayments.MerchantGuid(m.MerchantId)).ToList(), today.AddDays(-1), today.AddDays(1));
        var alerts = await host.Services.GetRequiredService<IReadModelStore>().GetAlertsAsync(ResiliencePayments.MerchantGuid(merchants[0].MerchantId), 0, int.MaxValue, CancellationToken.None);
        await Until(() => heard.Count >= alerts.Count, "the till to hear every alert");
        Assert.Equal(alerts.Select(a => a.Position).Order(), heard.Order());
        Assert.True(consistency.Payments > 100, $"Only {consistency.Payments} payments were made.");
        Assert.Equal(0, await CountKeysAsync(host, generation: 0));
        Assert.True(await CountKeysAsync(host, generation: 1) > 0);
    }

    private static async Task PayAsync(
        CodeScanHost host, MerchantScenario[] merchants, (string Phone, string Token)[] customers, ConcurrentBag<ResiliencePayment> payments, int count, CancellationToken stop)
    {
        var random = new Random(count);
        for (var i = 0; i < count && !stop.IsCancellationRequested; i += 4)
        {
            var round = Enumerable.Range(0, 4).Select(_ => (Merchant: merchants[random.Next(2)], Customer: customers[1 + random.Next(3)], Amount: random.Next(1, 9) * 10L)).ToList();
            foreach (var paid in await Task.WhenAll(round.Select(p => random.Next(3) == 0
                ? ResiliencePayments.RechargeAsync(host, p.Merchant.OwnerToken, p.Merchant.MerchantId, p.Customer.Phone, p.Amount)
                : ResiliencePayments.RedeemAsync(host, p.Customer.Token, p.Merchant.MerchantId, p.Amount))))
            {
                payments.Add(paid);
            }
        }
    }

    /// <summary>Recharges the reader's customer, one at a time, until stopped.</summary>
    private static async Task FeedAsync(CodeScanHost host, MerchantScenario merchant, string phone, ConcurrentBag<ResiliencePayment> payments, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            payments.Add(await ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, phone, 100));
        }
    }

    private static async Task<List<long>> ReadBalancesAsync(MerchantScenario merchant, string token, CancellationToken stop)
    {
        var balances = new List<long>();
        while (!stop.IsCancellationRequested)
        {
            balances.Add(await merchant.WalletBalanceAsync(token));
        }

        return balances;
    }

    /// <summary>Read-model keys of one generation (the deployment's lease and pointer are not a generation's).</summary>
    private static async Task<int> CountKeysAsync(CodeScanHost host, long generation)
    {
        var redis = host.Services.GetRequiredService<IConnectionMultiplexer>();
        var root = host.Stores.RedisPrefix;
        var prefix = generation == 0 ? root : $"{root}g{generation}:";
        var names = new List<string>();
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: "*" + root + "*"))
            {
                names.Add(key.ToString());
            }
        }

        var ofGeneration = new Regex("^\\{?" + Regex.Escape(prefix) + (generation == 0 ? "(?!g\\d+:|projector:lease|shared:)" : string.Empty));
        return names.Count(ofGeneration.IsMatch);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    private sealed class Listener(Action<MerchantAlertView> next) : IObserver<MerchantAlertView>
    {
        public void OnNext(MerchantAlertView value) => next(value);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}

public sealed class MariaDbRebuildReadModelsTests() : RebuildReadModelsTests(StoreMode.MariaDbRedis)
{
    [Fact]
    public async Task Rebuild_WhenRedisIsUnreachable_ExitsNonZeroAndSaysSo()
    {
        var stores = HostStores.Create(StoreMode.MariaDbRedis, redisConnectionString: "127.0.0.1:1,connectTimeout=500");

        var rebuild = await RebuildRun.RunAsync(stores);

        Assert.Equal(1, rebuild.ExitCode);
        Assert.Contains("rebuild-read-models failed: Redis is unreachable (127.0.0.1:1", rebuild.Errors, StringComparison.Ordinal);
        Assert.Empty(rebuild.Output);
    }
}
