using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// The liability read model as one projector batch sees them: wallet lots and instruments are read once per
/// batch and kept, rollup additions and state writes are sent together when the batch is flushed — the
/// additions first, so a failure between the two leaves state that has not taken the events, and applying
/// the batch again re-derives the same additions (which the days then refuse) before writing the state. A scope's
/// additions go in one call, each still refused or taken by its own position, so a batch that is applied again
/// with more events than the first time adds exactly the events its days have not taken.
/// </summary>
internal sealed class BatchLiabilityStore(ILiabilityStore inner) : ILiabilityStore
{
    private readonly Dictionary<Guid, List<LiabilityAddition>> _additions = [];
    private readonly Dictionary<(Guid Merchant, Guid Customer), WalletLots?> _lots = [];
    private readonly Dictionary<Guid, HeldInstrument?> _instruments = [];
    private readonly HashSet<(Guid Merchant, Guid Customer)> _dirtyLots = [];
    private readonly HashSet<Guid> _dirtyInstruments = [];

    public Task AddAsync(Guid scope, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        if (!_additions.TryGetValue(scope, out var additions))
        {
            additions = [];
            _additions[scope] = additions;
        }

        additions.Add(new LiabilityAddition(day, position, counters));
        return Task.CompletedTask;
    }

    public Task AddAsync(Guid scope, IReadOnlyList<LiabilityAddition> additions, CancellationToken cancellationToken) =>
        Task.WhenAll(additions.Select(a => AddAsync(scope, a.Day, a.Position, a.Counters, cancellationToken)));

    public async Task<IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Counters)>> GetDaysAsync(Guid scope, DateOnly through, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Flush(cancellationToken));
        return await inner.GetDaysAsync(scope, through, cancellationToken);
    }

    public async Task<WalletLots?> GetLotsAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        if (!_lots.TryGetValue((merchantId, customerId), out var lots))
        {
            lots = await inner.GetLotsAsync(merchantId, customerId, cancellationToken);
            _lots[(merchantId, customerId)] = lots;
        }

        return lots;
    }

    /// <summary>Reads the lots of a batch's wallets in one pipelined go, so payments do not wait for them one by one.</summary>
    public async Task PrefetchLotsAsync(IReadOnlyList<(Guid MerchantId, Guid CustomerId)> wallets, CancellationToken cancellationToken)
    {
        var wanted = wallets.Where(k => !_lots.ContainsKey(k)).ToList();
        var reads = wanted.Select(k => inner.GetLotsAsync(k.MerchantId, k.CustomerId, cancellationToken)).ToList();
        await Task.WhenAll(reads);
        for (var i = 0; i < wanted.Count; i++)
        {
            _lots[wanted[i]] = reads[i].Result;
        }
    }

    /// <summary>Reads the cards and coupons a batch's events name in one pipelined go, as <see cref="PrefetchLotsAsync"/> does the lots.</summary>
    public async Task PrefetchInstrumentsAsync(IEnumerable<Guid> instrumentIds, CancellationToken cancellationToken)
    {
        var wanted = instrumentIds.Distinct().Where(id => !_instruments.ContainsKey(id)).ToList();
        var reads = wanted.Select(id => inner.GetInstrumentAsync(id, cancellationToken)).ToList();
        await Task.WhenAll(reads);
        for (var i = 0; i < wanted.Count; i++)
        {
            _instruments[wanted[i]] = reads[i].Result;
        }
    }

    public Task PutLotsAsync(WalletLots lots, CancellationToken cancellationToken)
    {
        _lots[(lots.MerchantId, lots.CustomerId)] = lots;
        _dirtyLots.Add((lots.MerchantId, lots.CustomerId));
        return Task.CompletedTask;
    }

    public async Task<HeldInstrument?> GetInstrumentAsync(Guid instrumentId, CancellationToken cancellationToken)
    {
        if (!_instruments.TryGetValue(instrumentId, out var instrument))
        {
            instrument = await inner.GetInstrumentAsync(instrumentId, cancellationToken);
            _instruments[instrumentId] = instrument;
        }

        return instrument;
    }

    public Task PutInstrumentAsync(HeldInstrument instrument, CancellationToken cancellationToken)
    {
        _instruments[instrument.Id] = instrument;
        _dirtyInstruments.Add(instrument.Id);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends the kept additions, in order and one call per scope (its days' counters in one script), then the changed
    /// lots and instruments, and forgets them; the caller waits for the answers.
    /// </summary>
    public IReadOnlyList<Task> Flush(CancellationToken cancellationToken)
    {
        var sent = _additions.Select(a => inner.AddAsync(a.Key, a.Value, cancellationToken)).ToList();
        sent.AddRange(_dirtyLots.Select(key => inner.PutLotsAsync(_lots[key]!, cancellationToken)));
        sent.AddRange(_dirtyInstruments.Select(id => inner.PutInstrumentAsync(_instruments[id]!, cancellationToken)));
        _additions.Clear();
        _dirtyLots.Clear();
        _dirtyInstruments.Clear();
        return sent;
    }
}
