namespace CodeScan.Application.ReadModels;

/// <summary>
/// Fans notifications out to subscribers on every API node (Redis pub/sub; in process when embedded).
/// Delivery is best effort: a subscriber that misses one catches up from the read model.
/// </summary>
public interface INotificationBus
{
    Task PublishAsync<T>(string channel, T message, CancellationToken cancellationToken);

    IObservable<T> Observe<T>(string channel);
}

public static class Channels
{
    public static string MerchantAlerts(Guid merchantId) => $"merchant-alerts:{merchantId:N}";

    public static string MerchantReviewed(Guid ownerId) => $"merchant-reviewed:{ownerId:N}";

    public static string WalletChanged(Guid merchantId, Guid customerId) => $"wallet-changed:{merchantId:N}:{customerId:N}";

    /// <summary>The merchant's staff or standing changed (a cashier removed, the merchant suspended): live feeds re-check who may hear them.</summary>
    public static string MerchantAccess(Guid merchantId) => $"merchant-access:{merchantId:N}";

    /// <summary>Every revoked sign-in session, for every node's revocation set.</summary>
    public const string SessionRevocations = "session-revocations";
}
