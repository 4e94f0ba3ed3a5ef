using CodeScan.Application.Analytics;
using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// Follows the event log from the read store's checkpoint and applies each event to every projection.
/// If the read store or the database fails, it backs off and resumes from the checkpoint: projections
/// are replay-safe, so an event applied before the failure is skipped on the second pass.
/// </summary>
internal sealed class ProjectorService(
    IServiceScopeFactory scopes,
    ProjectorSignal signal,
    ProjectorStatus status,
    IProjectorLease lease,
    IOptions<ProjectorOptions> options,
    TimeProvider clock,
    ILogger<ProjectorService> logger) : BackgroundService
{
    /// <summary>The registered projections, in their order; each batch makes its own over its <see cref="ProjectionBatch"/>.</summary>
    private Type[]? _projectionTypes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.Value.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.TryAcquireAsync(stoppingToken))
                {
                    // Another node projects; stand by and try again after a poll interval.
                    status.StandingBy();
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                    continue;
                }

                var applied = await RunBatchAsync(stoppingToken);
                backoff = options.Value.MinBackoff;

                // A batch short of the limit read everything committed when it read; a commit since has signalled,
                // so waiting costs nothing then, and saves reading an empty log after every payment.
                if (applied < options.Value.BatchSize)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                status.Failed(ex, clock.GetUtcNow());
                logger.LogWarning(ex, "Projector failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxBackoff.Ticks));
            }
        }

        await ReleaseLeaseAsync();
    }

    /// <summary>Hands the lease over at once on a clean shutdown, instead of after its time to live.</summary>
    private async Task ReleaseLeaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await lease.ReleaseAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogInformation(ex, "Could not release the projector lease; it expires by itself");
        }
    }

    private async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reader = services.GetRequiredService<EventLogReader>();

        // The projections of this batch write through one ProjectionBatch: reads kept, writes sent together.
        var writes = new ProjectionBatch(
            services.GetRequiredService<IReadModelStore>(), services.GetRequiredService<IRecordStore>(), services.GetRequiredService<IAlertFeed>(),
            services.GetRequiredService<ISalesStore>(), services.GetRequiredService<ILiabilityStore>());
        var store = writes.Store;
        _projectionTypes ??= services.GetServices<IProjection>().Select(p => p.GetType()).ToArray();
        var projections = _projectionTypes.Select(t => Create(services, t, store, writes)).ToList();

        var checkpoint = await store.GetCheckpointAsync(cancellationToken);
        var batch = await reader.ReadAfterAsync(checkpoint, options.Value.BatchSize, cancellationToken);
        await writes.PrefetchAsync(batch.Select(e => WalletProjection.WalletOf(e.Event)).OfType<(Guid, Guid)>(), cancellationToken);
        foreach (var envelope in batch)
        {
            foreach (var projection in projections)
            {
                await projection.ApplyAsync(envelope, cancellationToken);
            }
        }

        // One checkpoint per batch: projections are replay-safe, so a failure before it only means the batch's
        // events are applied again (and skipped by their version checks).
        if (batch.Count > 0)
        {
            checkpoint = batch[^1].Position;
            await store.SetCheckpointAsync(checkpoint, cancellationToken);
        }

        status.Applied(checkpoint);

        return batch.Count;
    }

    /// <summary>A projection over the batch's stores, with its other dependencies from the scope.</summary>
    private static IProjection Create(IServiceProvider services, Type type, IReadModelStore store, ProjectionBatch batch)
    {
        var wanted = type.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToHashSet();
        (Type Type, object Value)[] batchServices =
            [(typeof(IReadModelStore), store), (typeof(IRecordStore), batch.Records), (typeof(IAlertFeed), batch.Alerts), (typeof(ISalesStore), batch.Sales),
             (typeof(ILiabilityStore), batch.Liability)];
        object[] arguments = [.. batchServices.Where(s => wanted.Contains(s.Type)).Select(s => s.Value)];
        return (IProjection)ActivatorUtilities.CreateInstance(services, type, arguments);
    }
}

/// <summary>Configuration section "Projector".</summary>
public sealed class ProjectorOptions
{
    public const string Section = "Projector";

    public int BatchSize { get; set; } = 500;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
