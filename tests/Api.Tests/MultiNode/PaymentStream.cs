using System.Collections.Concurrent;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// The load the fault tests strike under: 1 cent at a time on one node, without pause, until stopped. Every request
/// must be answered with a payment (the node stays up; payments need MariaDB only). Afterwards
/// <see cref="AssertNothingLostOrDoubledAsync"/> checks the read models against the log and the ledger.
/// </summary>
internal sealed class PaymentStream
{
    private readonly ConcurrentBag<ResiliencePayment> _payments = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _paying = Task.CompletedTask;

    /// <summary>Node settings for streaming: no payment rate limit (one customer pays without pause).</summary>
    public static Dictionary<string, string> Settings => new() { ["RateLimits__Payments"] = "0" };

    /// <summary>Payments acknowledged so far.</summary>
    public int Count => _payments.Count;

    public IReadOnlyCollection<ResiliencePayment> Payments => _payments;

    public static PaymentStream Start(ApiNodeProcess node, string customerToken, string merchantId)
    {
        var stream = new PaymentStream();
        stream._paying = stream.PayAsync(node, customerToken, merchantId);
        return stream;
    }

    /// <summary>Waits until <paramref name="more"/> further payments have been acknowledged.</summary>
    public Task WaitForMoreAsync(int more)
    {
        var from = Count;
        return Poll.UntilAsync(() => Count >= from + more, "Payments stopped coming.");
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _paying;
    }

    /// <summary>A fresh host on the same stores takes the lease once the nodes are gone and checks every read model against a rebuild from zero and the ledger.</summary>
    public static async Task AssertNothingLostOrDoubledAsync(HostStores stores, IEnumerable<ResiliencePayment> payments)
    {
        await using var checker = await CodeScanHost.StartAsync(stores);
        await ResilienceReadModelCheck.AssertConsistentAsync(checker, payments, everyPaymentWasAnswered: false, timeout: TimeSpan.FromSeconds(60));
    }

    private async Task PayAsync(ApiNodeProcess node, string customerToken, string merchantId)
    {
        await Task.Yield();
        while (!_stop.IsCancellationRequested)
        {
            var response = await node.GraphQLAsync(customerToken, Gql.Redeem, new { input = new { merchantId, amount = 1, idempotencyKey = Guid.NewGuid().ToString("N") } });
            var payment = ResiliencePayments.ReadRedeem(response, merchantId, 1);
            Assert.True(payment.Succeeded, payment.ToString());
            _payments.Add(payment);
        }
    }
}

/// <summary>Process-level tests wait for a condition, with a generous deadline for a loaded machine; never for time to pass.</summary>
internal static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static Task UntilAsync(Func<bool> condition, string failure) => UntilAsync(() => Task.FromResult(condition()), failure);

    /// <summary>A condition that throws (Redis is away) is a condition not met yet.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await MetAsync(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    private static async Task<bool> MetAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return false;
        }
    }
}
