using StackExchange.Redis;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>Every Redis key and channel name, under one configurable prefix (one prefix per deployment).</summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Checkpoint => $"{Prefix}projector:checkpoint";

    public RedisKey ProjectorLease => $"{Prefix}projector:lease";

    public RedisKey Merchant(Guid merchantId) => $"{Prefix}merchant:{merchantId:N}";

    public RedisKey Wallet(Guid merchantId, Guid customerId) => $"{Prefix}wallet:{merchantId:N}:{customerId:N}";

    public RedisKey CustomerWallets(Guid customerId) => $"{Prefix}customer-wallets:{customerId:N}";

    public RedisKey Alerts(Guid merchantId) => $"{Prefix}alerts:{merchantId:N}";

    /// <summary>A merchant's sales rollup for one day of its own time zone.</summary>
    public RedisKey SalesDay(Guid merchantId, DateOnly day) =>
        $"{Prefix}sales:{merchantId:N}:{day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Revoked sessions, scored by when their access tokens have all expired, and the version nodes poll.
    /// One script writes both, so they share a hash tag (one slot on Redis Cluster).
    /// </summary>
    public RedisKey RevokedSessions => $"{{{Prefix}sessions}}:revoked";

    public RedisKey RevokedSessionsVersion => $"{{{Prefix}sessions}}:revoked-version";

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}{name}");
}
