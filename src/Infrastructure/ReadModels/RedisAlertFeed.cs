using System.Text.Json;
using CodeScan.Application.ReadModels;
using CodeScan.Infrastructure.Messaging;
using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Appends to the merchant's alert stream and publishes to its channel in one script, so the projector need
/// not wait for the append's answer before it announces the alert: it sends a batch's alerts one after the
/// other, Redis runs them in that order, and each is published only if its append went in. A rebuild (muted keys)
/// appends without publishing.
/// </summary>
internal sealed class RedisAlertFeed(IConnectionMultiplexer redis, RedisKeys keys, ProjectorFence fence) : IAlertFeed
{
    /// <summary>A replayed event's alert finds its id taken ("equal or smaller"): neither appended nor published.</summary>
    private const string AppendScript = """
        local added = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], ARGV[2], 'alert', ARGV[3])
        if type(added) == 'table' and added.err then
          if string.find(added.err, 'equal or smaller') then
            return 0
          end
          return redis.error_reply(added.err)
        end
        if ARGV[4] ~= '' then
          redis.call('PUBLISH', ARGV[4], ARGV[5])
        end
        return 1
        """;

    public Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken) =>
        fence.EvaluateAsync(
            redis.GetDatabase(),
            AppendScript,
            [keys.Alerts(alert.MerchantId)],
            [
                RedisReadModelStore.AlertHistory,
                $"{alert.Position}-1",
                RedisReadModelStore.Serialize(alert),
                keys.Muted ? string.Empty : keys.Channel(Channels.MerchantAlerts(alert.MerchantId)).ToString(),
                JsonSerializer.Serialize(alert, NotificationJson.Options),
            ]);
}
