using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Keeps this node on the live read-model generation: reads the pointer before the node serves, moves at once
/// when a rebuild announces a switch, and reads the pointer again every <see cref="PollInterval"/> in case an
/// announcement was missed. A request never asks Redis which generation is live; it reads <see cref="RedisKeys"/>.
/// The projector does not depend on this: its lease answers with the live generation before every batch.
/// </summary>
internal sealed class ReadModelGenerationSync(
    IConnectionMultiplexer redis, RedisKeys keys, ReadModelGenerations generations, TimeProvider clock, ILogger<ReadModelGenerationSync> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    private ChannelMessageQueue? _announcements;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _announcements = await redis.GetSubscriber().SubscribeAsync(keys.GenerationChannel).WaitAsync(StartTimeout, clock, cancellationToken);
            _announcements.OnMessage(message => Move((long)message.Message, "announced"));
            await SyncAsync().WaitAsync(StartTimeout, clock, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The live read-model generation could not be read at start; serving generation {Generation} until it can", keys.Generation);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_announcements is not null)
        {
            await _announcements.UnsubscribeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, clock, stoppingToken);
                await SyncAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Could not read the live read-model generation; trying again");
            }
        }
    }

    private async Task SyncAsync() => Move(await generations.GetLiveAsync(), "read");

    private void Move(long generation, string how)
    {
        if (keys.Use(generation))
        {
            logger.LogInformation("Read models: generation {Generation} is live ({How})", generation, how);
        }
    }
}
