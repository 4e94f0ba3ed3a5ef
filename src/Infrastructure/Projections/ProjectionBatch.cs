using CodeScan.Application.Analytics;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// The read stores as the projector sees them during one batch of events: merchant and wallet views are read
/// once per batch and kept, their writes and the record appends are sent together when the batch is flushed,
/// just before its checkpoint. A payment's events then cost the projector the round trips that need an
/// answer (the wallet as it was, the alert's append), not one per write; and a batch that fails before its
/// checkpoint is applied again, which projections are built for. Sales and liability rollups are added the same way. Alerts are appended at once: a till hears
/// a payment as soon as its alert is in the stream, not at the end of the batch.
/// </summary>
internal sealed class ProjectionBatch(
    IReadModelStore store, IRecordStore records, IAlertFeed alerts, ISalesStore sales, IPerformanceStore performance, ICustomerStore customers, ILiabilityStore liability)
{
    private readonly IReadModelStore _store = store;
    private readonly IRecordStore _records = records;
    private readonly IAlertFeed _alerts = alerts;
    private readonly BatchSalesStore _sales = new(sales);
    private readonly BatchPerformanceStore _performance = new(performance);
    private readonly BatchCustomerStore _customers = new(customers);
    private readonly BatchLiabilityStore _liability = new(liability);
    private readonly List<Task> _alertAppends = [];
    private readonly Dictionary<Guid, MerchantView?> _merchants = [];
    private readonly Dictionary<(Guid Merchant, Guid Customer), WalletView?> _wallets = [];
    private readonly HashSet<Guid> _dirtyMerchants = [];
    private readonly HashSet<(Guid Merchant, Guid Customer)> _dirtyWallets = [];
    private readonly List<RecordEntry> _appends = [];
    private readonly Dictionary<(Guid Merchant, Guid Customer), (long Principal, long Bonus)> _balances = [];

    public IReadModelStore Store => new BatchReadModelStore(this);

    public IRecordStore Records => new BatchRecordStore(this);

    public IAlertFeed Alerts => new BatchAlertFeed(this);

    public ISalesStore Sales => _sales;

    public IPerformanceStore Performance => _performance;

    public ICustomerStore Customers => _customers;

    public ILiabilityStore Liability => _liability;

    /// <summary>
    /// Reads the wallets the batch's events change, and their merchants, lots and instruments, in one pipelined go,
    /// so that applying the events waits for Redis only where it must.
    /// </summary>
    public async Task PrefetchAsync(IEnumerable<(Guid MerchantId, Guid CustomerId)> wallets, IEnumerable<Guid> instruments, CancellationToken cancellationToken)
    {
        var walletKeys = wallets.Distinct().Where(k => !_wallets.ContainsKey(k)).ToList();
        var merchantIds = walletKeys.Select(k => k.MerchantId).Distinct().Where(id => !_merchants.ContainsKey(id)).ToList();
        var walletReads = walletKeys.Select(k => _store.GetWalletAsync(k.MerchantId, k.CustomerId, cancellationToken)).ToList();
        var merchantReads = merchantIds.Select(id => _store.GetMerchantAsync(id, cancellationToken)).ToList();
        var lotReads = _liability.PrefetchLotsAsync(walletKeys, cancellationToken);
        var instrumentReads = _liability.PrefetchInstrumentsAsync(instruments, cancellationToken);
        await Task.WhenAll(walletReads.Cast<Task>().Concat(merchantReads).Append(lotReads).Append(instrumentReads));
        for (var i = 0; i < walletKeys.Count; i++)
        {
            _wallets[walletKeys[i]] = walletReads[i].Result;
        }

        for (var i = 0; i < merchantIds.Count; i++)
        {
            _merchants[merchantIds[i]] = merchantReads[i].Result;
        }
    }

    /// <summary>Sends every buffered write, pipelined, and waits for all of them.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var writes = new List<Task>();
        writes.AddRange(_dirtyMerchants.Select(id => _store.PutMerchantAsync(_merchants[id]!, cancellationToken)));
        writes.AddRange(_dirtyWallets.Select(key => _store.PutWalletAsync(_wallets[key]!, cancellationToken)));
        writes.Add(_records.AppendAllAsync([.. _appends], cancellationToken));
        writes.AddRange(_alertAppends);
        writes.AddRange(_sales.Flush(cancellationToken));
        writes.AddRange(_performance.Flush(cancellationToken));
        writes.AddRange(_customers.Flush(cancellationToken));
        writes.AddRange(_liability.Flush(cancellationToken));
        _dirtyMerchants.Clear();
        _dirtyWallets.Clear();
        _appends.Clear();
        _alertAppends.Clear();
        await Task.WhenAll(writes);
    }

    private sealed class BatchReadModelStore(ProjectionBatch batch) : IReadModelStore
    {
        private IReadModelStore Inner => batch._store;

        public Task<long> GetCheckpointAsync(CancellationToken cancellationToken) => Inner.GetCheckpointAsync(cancellationToken);

        public async Task SetCheckpointAsync(long position, CancellationToken cancellationToken)
        {
            await batch.FlushAsync(cancellationToken);
            await Inner.SetCheckpointAsync(position, cancellationToken);
        }

        public async Task<MerchantView?> GetMerchantAsync(Guid merchantId, CancellationToken cancellationToken)
        {
            if (!batch._merchants.TryGetValue(merchantId, out var view))
            {
                view = await Inner.GetMerchantAsync(merchantId, cancellationToken);
                batch._merchants[merchantId] = view;
            }

            return view;
        }

        public Task PutMerchantAsync(MerchantView view, CancellationToken cancellationToken)
        {
            batch._merchants[view.MerchantId] = view;
            batch._dirtyMerchants.Add(view.MerchantId);
            return Task.CompletedTask;
        }

        public async Task<WalletView?> GetWalletAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken)
        {
            if (!batch._wallets.TryGetValue((merchantId, customerId), out var view))
            {
                view = await Inner.GetWalletAsync(merchantId, customerId, cancellationToken);
                batch._wallets[(merchantId, customerId)] = view;
            }

            return view;
        }

        public Task PutWalletAsync(WalletView view, CancellationToken cancellationToken)
        {
            batch._wallets[(view.MerchantId, view.CustomerId)] = view;
            batch._dirtyWallets.Add((view.MerchantId, view.CustomerId));
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<WalletView>> GetWalletsAsync(Guid customerId, CancellationToken cancellationToken)
        {
            await batch.FlushAsync(cancellationToken);
            return await Inner.GetWalletsAsync(customerId, cancellationToken);
        }

        public Task<IReadOnlyList<MerchantAlertView>> GetAlertsAsync(Guid merchantId, long afterPosition, int limit, CancellationToken cancellationToken) =>
            Inner.GetAlertsAsync(merchantId, afterPosition, limit, cancellationToken);

        public Task<IReadOnlyList<MerchantAlertView>> GetLatestAlertsAsync(Guid merchantId, long? beforePosition, int count, CancellationToken cancellationToken) =>
            Inner.GetLatestAlertsAsync(merchantId, beforePosition, count, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => Inner.PingAsync(cancellationToken);
    }

    /// <summary>
    /// Sends each alert at once — the till hears it as soon as Redis has run the append — and waits for the
    /// answers only when the batch is flushed. The feed publishes an alert only if its append went in, so it
    /// needs no answer to decide.
    /// </summary>
    private sealed class BatchAlertFeed(ProjectionBatch batch) : IAlertFeed
    {
        public Task AppendAsync(MerchantAlertView alert, CancellationToken cancellationToken)
        {
            batch._alertAppends.Add(batch._alerts.AppendAsync(alert, cancellationToken));
            return Task.CompletedTask;
        }
    }

    private sealed class BatchRecordStore(ProjectionBatch batch) : IRecordStore
    {
        public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken)
        {
            batch._appends.Add(entry);
            batch._balances[(entry.MerchantId, entry.CustomerId)] = (entry.PrincipalAfter, entry.BonusAfter);
            return Task.CompletedTask;
        }

        /// <summary>
        /// The balance the batch's own last record for the pair left, or else the store's: with no record of the
        /// pair waiting in the batch, the store's is already current, so nothing is flushed for it.
        /// </summary>
        public async Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
            batch._balances.TryGetValue((merchantId, customerId), out var balance)
                ? balance
                : await batch._records.GetBalanceAsync(merchantId, customerId, cancellationToken);

        public async Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken)
        {
            await batch.FlushAsync(cancellationToken);
            return await batch._records.ListAsync(owner, filter, beforePosition, limit, cancellationToken);
        }
    }
}
