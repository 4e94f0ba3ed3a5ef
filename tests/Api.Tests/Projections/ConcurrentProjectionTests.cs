using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Projections;

/// <summary>
/// Many writers at once while the projector runs: 3 merchants, 6 customers, 150 recharges and redeems
/// fired together over HTTP. Whatever order the transactions commit in, the read model the projector
/// built live must equal a rebuild from position zero, every wallet must equal the ledger, and every
/// merchant's alert feed must hold exactly one alert per payment, in strictly increasing position order.
/// </summary>
public abstract class ConcurrentProjectionTests(StoreMode mode)
{
    private const int MerchantCount = 3;
    private const int CustomerCount = 6;
    private const int PaymentCount = 150;

    [Fact]
    public async Task MixedPayments_WhenFiredInParallelWhileProjecting_ReadModelEqualsRebuildLedgerAndOneAlertPerPayment()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchants = new List<MerchantScenario>();
        for (var i = 0; i < MerchantCount; i++)
        {
            merchants.Add(await MerchantScenario.ApprovedAsync(host));
        }

        var customers = await Task.WhenAll(Enumerable.Range(0, CustomerCount).Select(async _ =>
        {
            var phone = Phones.Next();
            return (Phone: phone, Token: await host.SignInAsync(phone));
        }));

        // Every customer starts with 30.00 at every merchant; the funding already runs in parallel.
        var funding = await Task.WhenAll(
            from merchant in merchants
            from customer in customers
            select ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, customer.Phone, 3_000));
        Assert.All(funding, p => Assert.True(p.Succeeded, p.ToString()));

        // The mix is drawn up front (Random is not thread-safe), then everything is released at once.
        var random = new Random(20_261_125);
        var plan = Enumerable.Range(0, PaymentCount).Select(_ =>
        {
            var merchant = merchants[random.Next(MerchantCount)];
            var customer = customers[random.Next(CustomerCount)];
            var amount = random.Next(1, 25) * 100L;
            var bonus = random.Next(3) == 0 ? amount / 10 : 0;
            return random.Next(5) < 2
                ? (Func<Task<ResiliencePayment>>)(() => ResiliencePayments.RechargeAsync(host, merchant.OwnerToken, merchant.MerchantId, customer.Phone, amount, bonus))
                : () => ResiliencePayments.RedeemAsync(host, customer.Token, merchant.MerchantId, amount);
        }).ToList();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = plan.Select(pay => Task.Run(async () =>
        {
            await start.Task;
            return await pay();
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(running);

        // Every request was answered; the only refusal allowed is a redeem the balance did not cover.
        Assert.All(results, p => Assert.Null(p.Failure));
        Assert.All(results.Where(p => !p.Succeeded), p => Assert.Equal(("Redemption", "INSUFFICIENT_BALANCE"), (p.Kind, p.ErrorCode)));
        Assert.Contains(results, p => p is { Succeeded: true, Kind: "Redemption" });
        Assert.Contains(results, p => p is { Succeeded: true, Kind: "Recharge" });

        var consistency = await ResilienceReadModelCheck.AssertConsistentAsync(host, funding.Concat(results), everyPaymentWasAnswered: true);
        Assert.Equal(funding.Length + results.Count(p => p.Succeeded), consistency.Alerts);
        Assert.Equal(MerchantCount * CustomerCount, consistency.Wallets.Count);
    }
}

public sealed class EmbeddedConcurrentProjectionTests() : ConcurrentProjectionTests(StoreMode.Embedded);

public sealed class MariaDbConcurrentProjectionTests() : ConcurrentProjectionTests(StoreMode.MariaDbRedis);
