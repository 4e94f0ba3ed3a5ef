using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Persistence.EventLog;
using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Projections;

/// <summary>How far a rebuild is: events applied (the position reached) of the log's length when last read.</summary>
public readonly record struct RebuildProgress(long Done, long Total);

/// <param name="Elapsed">From the start to the switch (the old generation's retirement is not counted).</param>
/// <param name="Generation">The generation now live; null when embedded (nothing to swap).</param>
/// <param name="Retired">The generation replaced, whose keys were deleted.</param>
public sealed record RebuildResult(long Events, TimeSpan Elapsed, long? Generation, long? Retired);

/// <summary>
/// <c>rebuild-read-models</c>: every registered projection, from position zero, into a new read-model generation
/// beside the live one, then a switch under the projector lease so that no event is skipped or applied twice:
/// <list type="number">
/// <item>without the lease, catch the new generation up to the live generation's checkpoint (never past it), muted:
/// what the live projector projected, it announced;</item>
/// <item>take the lease (its holder gives it up between two batches), catch up, still muted, to the checkpoint the
/// live projector stopped at, then to the head of the log, announcing those events (nobody did);</item>
/// <item>move the live pointer and announce it, in one script that checks the lease (the new generation's
/// checkpoint is inside it, so the pointer carries the checkpoint with it); release the lease: the next
/// projector reads the new pointer with the lease and goes on from that checkpoint;</item>
/// <item>after <see cref="RebuildOptions.RetireDelay"/>, delete the old generation's keys.</item>
/// </list>
/// It must run in a process of its own (the command): it points this process's <see cref="RedisKeys"/> at the
/// new generation for good. Embedded, the read models are this process's memory: it replays the log into them
/// as a check and swaps nothing (the service rebuilds them at every start).
/// </summary>
public sealed class ReadModelRebuilder(IServiceScopeFactory scopes, IServiceProvider services, IOptions<RebuildOptions> options, TimeProvider clock)
{
    private readonly ProjectionRunner _runner = new();

    public async Task<RebuildResult> RunAsync(IProgress<RebuildProgress> progress, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        if (services.GetService<ReadModelGenerations>() is not { } generations)
        {
            var replayed = await CatchUpAsync(progress, null, null, cancellationToken);
            return new RebuildResult(replayed, clock.GetElapsedTime(started), null, null);
        }

        await generations.PingAsync();
        var (live, next, token) = await generations.AllocateAsync();
        services.GetRequiredService<RedisKeys>().BuildInto(next);
        services.GetRequiredService<ProjectorFence>().Use(token);
        long events;
        try
        {
            await CatchUpAsync(progress, null, () => generations.GetCheckpointAsync(live), cancellationToken);
            events = await SwapAsync(generations, live, next, progress, cancellationToken);
        }
        catch
        {
            await ForgetAsync(generations, next);
            throw;
        }

        // Nodes move on the announcement; one that missed it reads the pointer within its poll interval. The wait
        // is not the rebuild's: its time stops at the switch.
        var elapsed = clock.GetElapsedTime(started);
        await Task.Delay(options.Value.RetireDelay, clock, cancellationToken);
        await generations.DeleteAsync(live);
        return new RebuildResult(events, elapsed, next, live);
    }

    private async Task<long> SwapAsync(ReadModelGenerations generations, long live, long next, IProgress<RebuildProgress> progress, CancellationToken cancellationToken)
    {
        var keys = services.GetRequiredService<RedisKeys>();
        var lease = new RedisProjectorLease(
            services.GetRequiredService<IConnectionMultiplexer>(), keys, services.GetRequiredService<ProjectorFence>(), services.GetRequiredService<IOptions<ProjectorOptions>>(), clock);
        try
        {
            await TakeLeaseAsync(lease, cancellationToken);
            var stoppedAt = await generations.GetCheckpointAsync(live);
            await CatchUpAsync(progress, lease, () => Task.FromResult(stoppedAt), cancellationToken);
            keys.Unmute();
            var events = await CatchUpAsync(progress, lease, null, cancellationToken);
            await generations.SwitchAsync(live, next, lease.Holder);
            return events;
        }
        finally
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    /// <summary>The holder gives the lease up at its next batch (within a poll interval), or it expires if the holder is gone.</summary>
    private async Task TakeLeaseAsync(RedisProjectorLease lease, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.Value.HandoverTimeout;
        while (true)
        {
            await lease.RequestHandoverAsync(options.Value.HandoverTimeout);
            if (await lease.TryAcquireAsync(cancellationToken))
            {
                return;
            }

            if (clock.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException($"The projector did not hand its lease over within {options.Value.HandoverTimeout}; the live read models are unchanged.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Applies batches up to <paramref name="bound"/> (read again before each batch), or to the head of the log;
    /// with a lease, renews it before each batch. Returns the checkpoint reached.
    /// </summary>
    private async Task<long> CatchUpAsync(IProgress<RebuildProgress> progress, RedisProjectorLease? lease, Func<Task<long>>? bound, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var total = await scope.ServiceProvider.GetRequiredService<EventLogReader>().LastPositionAsync(cancellationToken);
        var checkpoint = await scope.ServiceProvider.GetRequiredService<IReadModelStore>().GetCheckpointAsync(cancellationToken);
        while (true)
        {
            var limit = (int)Math.Min(options.Value.BatchSize, (bound is null ? long.MaxValue : await bound()) - checkpoint);
            if (limit <= 0)
            {
                return checkpoint;
            }

            if (lease is not null && !await RenewAsync(lease, cancellationToken))
            {
                throw new InvalidOperationException("The projector lease was lost during the final catch-up; the live read models are unchanged.");
            }

            await using var batchScope = scopes.CreateAsyncScope();
            (var applied, checkpoint) = await _runner.RunBatchAsync(batchScope.ServiceProvider, limit, ProjectionRunner.NoTerm, cancellationToken);
            total = Math.Max(total, checkpoint);
            progress.Report(new RebuildProgress(checkpoint, total));
            if (applied < limit)
            {
                return checkpoint;
            }
        }
    }

    /// <summary>A failed rebuild's half-built generation is never made live; its keys go, if Redis lets them.</summary>
    private static async Task ForgetAsync(ReadModelGenerations generations, long generation)
    {
        try
        {
            await generations.DeleteAsync(generation);
        }
        catch (Exception)
        {
            // Redis is what failed: the keys stay, unread, under a number never handed out again.
        }
    }

    private async Task<bool> RenewAsync(RedisProjectorLease lease, CancellationToken cancellationToken)
    {
        await lease.RequestHandoverAsync(options.Value.HandoverTimeout);
        return await lease.TryAcquireAsync(cancellationToken);
    }
}

/// <summary>Configuration section "Rebuild" (the <c>rebuild-read-models</c> command).</summary>
public sealed class RebuildOptions
{
    public const string Section = "Rebuild";

    public int BatchSize { get; set; } = 1000;

    /// <summary>How long to wait for the running projector to hand its lease over.</summary>
    public TimeSpan HandoverTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the old generation stays after the switch, for nodes that missed the announcement.</summary>
    public TimeSpan RetireDelay { get; set; } = TimeSpan.FromSeconds(5);
}
