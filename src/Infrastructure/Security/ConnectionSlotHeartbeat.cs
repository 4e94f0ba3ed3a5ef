using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// Renews this node's connection slots in Redis every <see cref="RedisConnectionSlots.Heartbeat"/>, on the node's
/// clock: while it runs they count on every node; once it stops (the node died) they expire.
/// </summary>
internal sealed class ConnectionSlotHeartbeat(
    RedisConnectionSlots slots, TimeProvider clock, ILogger<ConnectionSlotHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RedisConnectionSlots.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RenewAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping; its sockets close and free their slots.
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            await slots.RenewAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The next heartbeat tries again; three missed ones and this node's slots free themselves.
            logger.LogWarning(ex, "Could not renew this node's WebSocket connection slots in Redis");
        }
    }
}
