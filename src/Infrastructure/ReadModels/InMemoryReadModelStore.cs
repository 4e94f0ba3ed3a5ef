using System.Collections.Concurrent;
using CodeScan.Application.ReadModels;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Embedded mode's read store: lives as long as the process, rebuilt from the event log at start.
/// </summary>
internal sealed class InMemoryReadModelStore : IReadModelStore
{
    private readonly ConcurrentDictionary<Guid, MerchantView> _merchants = new();
    private readonly ConcurrentDictionary<(Guid, Guid), WalletView> _wallets = new();
    private readonly ConcurrentDictionary<Guid, List<MerchantAlertView>> _alerts = new();
    private long _checkpoint;

    public Task<long> GetCheckpointAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Read(ref _checkpoint));

    public Task SetCheckpointAsync(long position, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _checkpoint, position);
        return Task.CompletedTask;
    }

    public Task<MerchantView?> GetMerchantAsync(Guid merchantId, CancellationToken cancellationToken) =>
        Task.FromResult(_merchants.GetValueOrDefault(merchantId));

    public Task PutMerchantAsync(MerchantView view, CancellationToken cancellationToken)
    {
        _merchants[view.MerchantId] = view;
        return Task.CompletedTask;
    }

    public Task<WalletView?> GetWalletAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult(_wallets.GetValueOrDefault((merchantId, customerId)));

    public Task PutWalletAsync(WalletView view, CancellationToken cancellationToken)
    {
        _wallets[(view.MerchantId, view.CustomerId)] = view;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WalletView>> GetWalletsAsync(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WalletView>>(_wallets.Values.Where(w => w.CustomerId == customerId).OrderBy(w => w.MerchantId).ToList());

    /// <summary>Appends the alert unless one at the same or a later position is there; false if it was not appended.</summary>
    internal bool AppendAlert(MerchantAlertView alert)
    {
        var feed = _alerts.GetOrAdd(alert.MerchantId, _ => []);
        lock (feed)
        {
            if (feed.Count > 0 && feed[^1].Position >= alert.Position)
            {
                return false;
            }

            feed.Add(alert);
            return true;
        }
    }

    public Task<IReadOnlyList<MerchantAlertView>> GetAlertsAsync(Guid merchantId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        if (!_alerts.TryGetValue(merchantId, out var feed))
        {
            return Task.FromResult<IReadOnlyList<MerchantAlertView>>([]);
        }

        lock (feed)
        {
            return Task.FromResult<IReadOnlyList<MerchantAlertView>>(feed.Where(a => a.Position > afterPosition).Take(limit).ToList());
        }
    }

    public Task<IReadOnlyList<MerchantAlertView>> GetLatestAlertsAsync(Guid merchantId, long? beforePosition, int count, CancellationToken cancellationToken)
    {
        if (!_alerts.TryGetValue(merchantId, out var feed))
        {
            return Task.FromResult<IReadOnlyList<MerchantAlertView>>([]);
        }

        lock (feed)
        {
            return Task.FromResult<IReadOnlyList<MerchantAlertView>>(feed.Where(a => a.Position < (beforePosition ?? long.MaxValue)).TakeLast(count).ToList());
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
