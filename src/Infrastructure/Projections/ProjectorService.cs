using CodeScan.Infrastructure.ReadModels;
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
    private readonly ProjectionRunner _runner = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.Value.MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TakeTurnAsync(stoppingToken);
                backoff = options.Value.MinBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ProjectorFence.Refused(ex))
            {
                // Another node took the lease while this one was not looking (a pause longer than the lease lives), or
                // Redis lost the fence (restarted empty, evicted): Redis refused the rest of the batch. Giving the lease
                // up (if still ours) makes the next turn stand by, or take it afresh, which raises the fence, and
                // project from the checkpoint, from zero if it is gone.
                logger.LogWarning("Projector's late writes were refused by the fence ({Reason}); it asks for the lease again", ex.Message);
                await ReleaseLeaseAsync();
                status.StandingBy();
            }
            catch (Exception ex)
            {
                lease.Forget();
                status.Failed(ex, clock.GetUtcNow());
                logger.LogWarning(ex, "Projector failed; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxBackoff.Ticks));
            }
        }

        await ReleaseLeaseAsync();
    }

    /// <summary>One batch if this node holds the lease, then a wait for the next commit; or a poll interval's stand-by.</summary>
    private async Task TakeTurnAsync(CancellationToken stoppingToken)
    {
        if (!await lease.TryAcquireAsync(stoppingToken))
        {
            // Another node projects; stand by and try again after a poll interval.
            status.StandingBy();
            await Task.Delay(options.Value.PollInterval, stoppingToken);
            return;
        }

        // A batch short of the limit read everything committed when it read; a commit since has signalled,
        // so waiting costs nothing then, and saves reading an empty log after every payment.
        if (await RunBatchAsync(stoppingToken) < options.Value.BatchSize)
        {
            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
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
        var (applied, checkpoint) = await _runner.RunBatchAsync(scope.ServiceProvider, options.Value.BatchSize, lease.Term, cancellationToken);
        status.Applied(checkpoint);
        return applied;
    }
}

/// <summary>Configuration section "Projector".</summary>
public sealed class ProjectorOptions
{
    public const string Section = "Projector";

    public int BatchSize { get; set; } = 500;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the projector lease outlives its holder's last renewal (it renews every
    /// sixth of it, and at least every <see cref="PollInterval"/>): a node that dies is replaced within this plus a poll interval. A holder
    /// that pauses longer loses the lease, and its late writes are refused by its fencing token.
    /// </summary>
    public TimeSpan LeaseTimeToLive { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
