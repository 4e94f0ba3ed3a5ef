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

    /// <summary>A performance rollup of a merchant (or the platform) for one day.</summary>
    public RedisKey PerformanceDay(Application.Analytics.PerformanceRollup rollup, Guid scopeId, DateOnly day) =>
        $"{Prefix}perf:{rollup}:{scopeId:N}:{day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A merchant's coupon templates and card products by id: "kind|name".</summary>
    public RedisKey PerformanceItems(Guid merchantId) => $"{Prefix}perf-items:{merchantId:N}";

    /// <summary>
    /// A merchant's (or the platform's) customer activity: <paramref name="name"/> is "day:{yyyyMMdd}" (counters),
    /// "set:{unit}:{yyyyMMdd}" (customers and their payments) or "first" (each customer's first day). One hash tag
    /// per scope, so the scripts that write and unite them run on one Redis Cluster slot.
    /// </summary>
    public RedisKey Customers(Guid scopeId, string name) => $"{{{Prefix}cust:{scopeId:N}}}:{name}";

    /// <summary>
    /// Revoked sessions, scored by when their access tokens have all expired, and the version nodes poll.
    /// One script writes both, so they share a hash tag (one slot on Redis Cluster).
    /// </summary>
    public RedisKey RevokedSessions => $"{{{Prefix}sessions}}:revoked";

    public RedisKey RevokedSessionsVersion => $"{{{Prefix}sessions}}:revoked-version";

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}{name}");
}
