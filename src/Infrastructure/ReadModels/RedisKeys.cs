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

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{Prefix}{name}");
}
