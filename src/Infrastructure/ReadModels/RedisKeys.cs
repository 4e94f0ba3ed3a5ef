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

    /// <summary>A scope's liability rollup for one local day (a merchant, or the platform in one currency); hash-tagged with its day index.</summary>
    public RedisKey LiabilityDay(Guid scope, DateOnly day) =>
        $"{{{Prefix}liability:{scope:N}}}:{day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The days a scope's liability rollups have, scored by day number.</summary>
    public RedisKey LiabilityDays(Guid scope) => $"{{{Prefix}liability:{scope:N}}}:days";

    public RedisKey LiabilityLots(Guid merchantId, Guid customerId) => $"{Prefix}liability-lots:{merchantId:N}:{customerId:N}";

    public RedisKey LiabilityInstrument(Guid instrumentId) => $"{Prefix}liability-instrument:{instrumentId:N}";

    /// <summary>
    /// Revoked sessions, scored by when their access tokens have all expired, and the version nodes poll.
    /// One script writes both, so they share a hash tag (one slot on Redis Cluster).
    /// </summary>
    public RedisKey RevokedSessions => $"{{{Prefix}sessions}}:revoked";

    public RedisKey RevokedSessionsVersion => $"{{{Prefix}sessions}}:revoked-version";

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}{name}");
}
