using System.Diagnostics;
using CodeScan.Api.Tests.Support;
using Xunit.Abstractions;

namespace CodeScan.Api.Tests.MultiNode;

/// <summary>
/// Issue 13: Redis is killed (SIGKILL) and started again on the same port while payments stream in on node A and a
/// till listens there; node B projects. Redis is the test's own, so killing it hurts no other test. Without
/// persistence it comes back empty: the projector must notice that its checkpoint and read models are gone and build
/// them again from position zero, and no write of a holder from before may land. With its append-only file it comes back
/// with what it acknowledged and the projector goes on from its checkpoint. Either way the till, told UNAVAILABLE when
/// its feed lost Redis, reconnects and resumes after its last alert until it has heard every payment exactly once, and
/// the read models equal a rebuild from zero and the ledger. The recovery times are printed, from Redis answering again.
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    [Fact]
    public Task Redis_RestartedEmptyMidStream_ReadModelsAreRebuiltFromTheLog_AndTheTillHearsEveryPaymentOnce() =>
        RestartMidStreamAsync(appendOnly: false, "Redis without persistence, back empty");

    [Fact]
    public Task Redis_RestartedWithItsAppendOnlyFileMidStream_ReadModelsCatchUp_AndTheTillHearsEveryPaymentOnce() =>
        RestartMidStreamAsync(appendOnly: true, "Redis with appendonly yes, back with its data");

    /// <summary>
    /// After a rebuild the live read models are generation 1, named by a pointer that an empty Redis forgets: the nodes,
    /// which still read generation 1, must put the pointer back rather than project into generation 0 nobody reads.
    /// </summary>
    [Fact]
    public Task Redis_RestartedEmptyAfterARebuild_TheLiveGenerationIsKept_AndTheTillHearsEveryPaymentOnce() =>
        RestartMidStreamAsync(appendOnly: false, "Redis without persistence, back empty, after a rebuild", rebuildFirst: true);

    private async Task RestartMidStreamAsync(bool appendOnly, string name, bool rebuildFirst = false)
    {
        await using var redis = await ResilienceRedisServer.StartAsync(appendOnly);
        var stores = HostStores.Create(StoreMode.MariaDbRedis, redisConnectionString: redis.ConnectionString);
        var (merchantId, ownerToken, customerToken) = await CrossNodeAlertTests.PrepareAsync(stores);
        if (rebuildFirst)
        {
            var rebuild = await RebuildRun.RunAsync(stores);
            Assert.True(rebuild.ExitCode == 0, rebuild.Errors);
        }

        PaymentStream payments;
        await using (var nodes = await TwoNodeCluster.StartAsync(stores, PaymentStream.Settings))
        {
            await using var till = ResumingTill.Start(nodes.A.WebSocketUri, ownerToken, merchantId);
            await nodes.WaitForAlertSubscribersAsync(merchantId, 1);
            payments = PaymentStream.Start(nodes.A, customerToken, merchantId);
            await Poll.UntilAsync(() => till.Heard >= 20, "The till heard fewer than 20 payments before the fault.");

            await redis.KillAsync();
            await payments.WaitForMoreAsync(20);
            await redis.RestartAsync();
            var back = Stopwatch.StartNew();
            var (head, paidBefore) = (await nodes.LogHeadAsync(), payments.Count);
            var catchingUp = ElapsedUntilAsync(back, async () => await nodes.CheckpointAsync() >= head, $"The read models did not catch up to position {head}.");
            var replaying = ElapsedUntilAsync(back, () => Task.FromResult(till.Heard >= paidBefore), $"The till did not replay the {paidBefore} payments taken before Redis was back.");
            var (caughtUp, replayed) = (await catchingUp, await replaying);

            // Payments go on being heard live after the recovery.
            await payments.WaitForMoreAsync(20);
            await payments.StopAsync();
            await Poll.UntilAsync(() => till.Heard >= payments.Count, "The till did not hear every payment.");
            Assert.Empty(till.Twice);
            Assert.Equal(payments.Count, till.Heard);
            Assert.Contains("UNAVAILABLE", till.Endings);

            var fenced = (nodes.A.Output + nodes.B.Output).Contains("refused by the fence", StringComparison.Ordinal);
            output.WriteLine(
                $"{name}: read models caught up to position {head} {caughtUp.TotalMilliseconds:F0} ms after Redis answered again; " +
                $"the till had replayed all {paidBefore} payments taken until then after {replayed.TotalMilliseconds:F0} ms " +
                $"(feeds ended: {string.Join(", ", till.Endings)}); {payments.Count} payments, each heard once; " +
                $"late writes {(fenced ? "were refused by the fence" : "did not occur")}.");
        }

        await PaymentStream.AssertNothingLostOrDoubledAsync(stores, payments.Payments);
    }

    /// <summary>How long after <paramref name="since"/> started the condition was first seen met (both recovery times are watched at once).</summary>
    private static async Task<TimeSpan> ElapsedUntilAsync(Stopwatch since, Func<Task<bool>> condition, string failure)
    {
        await Poll.UntilAsync(condition, failure);
        return since.Elapsed;
    }
}
