namespace CodeScan.Application.ReadModels;

/// <summary>
/// The query side: Redis in production, memory in embedded mode. Written only by projections.
/// </summary>
public interface IReadModelStore
{
    /// <summary>The position of the last event every projection has applied.</summary>
    Task<long> GetCheckpointAsync(CancellationToken cancellationToken);

    Task SetCheckpointAsync(long position, CancellationToken cancellationToken);

    Task<MerchantView?> GetMerchantAsync(Guid merchantId, CancellationToken cancellationToken);

    Task PutMerchantAsync(MerchantView view, CancellationToken cancellationToken);

    Task<WalletView?> GetWalletAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken);

    Task PutWalletAsync(WalletView view, CancellationToken cancellationToken);

    /// <summary>Every wallet of one customer, across merchants.</summary>
    Task<IReadOnlyList<WalletView>> GetWalletsAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>Alerts after a position, oldest first.</summary>
    Task<IReadOnlyList<MerchantAlertView>> GetAlertsAsync(Guid merchantId, long afterPosition, int limit, CancellationToken cancellationToken);

    /// <summary>The newest alerts (before a position, when given), oldest of them first.</summary>
    Task<IReadOnlyList<MerchantAlertView>> GetLatestAlertsAsync(Guid merchantId, long? beforePosition, int count, CancellationToken cancellationToken);

    /// <summary>Checks the store answers; throws when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
