using CodeScan.Infrastructure.ReadModels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// Turns a commit announced by any node (<see cref="RedisProjectorWakeUp"/>) into this node's
/// <see cref="ProjectorSignal"/>. The signal is harmless where the projector stands by: a node that takes the
/// lease later reads the log from the checkpoint anyway. The subscription survives reconnects (the client
/// subscribes again); a message lost meanwhile costs at most one poll interval.
/// </summary>
internal sealed class ProjectorWakeListener(
    IConnectionMultiplexer redis, RedisKeys keys, ProjectorSignal signal, ILogger<ProjectorWakeListener> logger) : IHostedService
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(keys.ProjectorWake, (_, _) => signal.Notify()).WaitAsync(StartTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not listen for commits on other nodes; the projector polls until Redis answers");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().UnsubscribeAsync(keys.ProjectorWake, null, CommandFlags.FireAndForget);
}
