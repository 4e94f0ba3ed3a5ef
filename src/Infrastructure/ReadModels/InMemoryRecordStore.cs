using CodeScan.Application.Records;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Embedded mode's records: per owner and kind, entries sorted by position; rebuilt from the event log
/// at start like every in-memory read model.
/// </summary>
internal sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RecordOwner Owner, RecordKind Kind), SortedList<long, RecordEntry>> _indexes = [];
    private readonly Dictionary<(Guid MerchantId, Guid CustomerId), (long Position, long Principal, long Bonus)> _balances = [];

    public Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Add(RecordOwner.Customer(entry.CustomerId), entry);
            Add(RecordOwner.Merchant(entry.MerchantId), entry);
            var wallet = (entry.MerchantId, entry.CustomerId);
            if (!_balances.TryGetValue(wallet, out var balance) || balance.Position < entry.Position)
            {
                _balances[wallet] = (entry.Position, entry.PrincipalAfter, entry.BonusAfter);
            }
        }

        return Task.CompletedTask;
    }

    public Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_balances.TryGetValue((merchantId, customerId), out var b) ? (b.Principal, b.Bonus) : (0L, 0L));
        }
    }

    public Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken) =>
        RecordScan.ListAsync(filter.EffectiveKinds.Select(kind => (RecordScan.ReadBelow)((before, count) => Task.FromResult(Read(owner, kind, before, count)))), filter, beforePosition, limit);

    private void Add(RecordOwner owner, RecordEntry entry)
    {
        if (!_indexes.TryGetValue((owner, entry.Kind), out var index))
        {
            _indexes[(owner, entry.Kind)] = index = [];
        }

        // A replayed event finds its entry there and changes nothing.
        if (index.ContainsKey(entry.Position))
        {
            return;
        }

        index.Add(entry.Position, entry);
        if (index.Count > RedisRecordStore.HistoryPerKind)
        {
            index.RemoveAt(0);
        }
    }

    private IReadOnlyList<RecordEntry> Read(RecordOwner owner, RecordKind kind, long before, int count)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue((owner, kind), out var index))
            {
                return [];
            }

            // The first position at or above 'before' (binary search), then walk down from just below it.
            var keys = index.Keys;
            int low = 0, high = keys.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (keys[middle] < before)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var page = new List<RecordEntry>(Math.Min(count, low));
            for (var i = low - 1; i >= 0 && page.Count < count; i--)
            {
                page.Add(index.Values[i]);
            }

            return page;
        }
    }
}
