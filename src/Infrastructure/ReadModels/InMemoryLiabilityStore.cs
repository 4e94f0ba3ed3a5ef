using System.Collections.Concurrent;
using CodeScan.Application.Analytics;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Embedded mode's liability read model, rebuilt from the event log at start: a sorted bag of counters per
/// scope and local day; the wallets' lots and the instruments kept as JSON, so a caller's copy is its own.
/// </summary>
internal sealed class InMemoryLiabilityStore : ILiabilityStore
{
    private readonly ConcurrentDictionary<Guid, SortedDictionary<DateOnly, Day>> _scopes = new();
    private readonly ConcurrentDictionary<(Guid Merchant, Guid Customer), byte[]> _lots = new();
    private readonly ConcurrentDictionary<Guid, byte[]> _instruments = new();

    public Task AddAsync(Guid scope, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken)
    {
        var days = _scopes.GetOrAdd(scope, _ => []);
        lock (days)
        {
            if (!days.TryGetValue(day, out var rollup))
            {
                rollup = new Day();
                days[day] = rollup;
            }

            if (position > rollup.Position)
            {
                foreach (var (name, value) in counters)
                {
                    rollup.Counters[name] = rollup.Counters.GetValueOrDefault(name) + value;
                }

                rollup.Position = position;
            }
        }

        return Task.CompletedTask;
    }

    public async Task AddAsync(Guid scope, IReadOnlyList<LiabilityAddition> additions, CancellationToken cancellationToken)
    {
        foreach (var (day, position, counters) in additions)
        {
            await AddAsync(scope, day, position, counters, cancellationToken);
        }
    }

    public Task<IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Counters)>> GetDaysAsync(Guid scope, DateOnly through, CancellationToken cancellationToken)
    {
        var result = new List<(DateOnly, IReadOnlyDictionary<string, long>)>();
        if (_scopes.TryGetValue(scope, out var days))
        {
            lock (days)
            {
                result.AddRange(days.TakeWhile(d => d.Key <= through)
                    .Select(d => (d.Key, (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(d.Value.Counters, StringComparer.Ordinal))));
            }
        }

        return Task.FromResult<IReadOnlyList<(DateOnly, IReadOnlyDictionary<string, long>)>>(result);
    }

    public Task<WalletLots?> GetLotsAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult(ReadModelJson.Read<WalletLots>(_lots.GetValueOrDefault((merchantId, customerId))));

    public Task PutLotsAsync(WalletLots lots, CancellationToken cancellationToken)
    {
        _lots[(lots.MerchantId, lots.CustomerId)] = ReadModelJson.Write(lots);
        return Task.CompletedTask;
    }

    public Task<HeldInstrument?> GetInstrumentAsync(Guid instrumentId, CancellationToken cancellationToken) =>
        Task.FromResult(ReadModelJson.Read<HeldInstrument>(_instruments.GetValueOrDefault(instrumentId)));

    public Task PutInstrumentAsync(HeldInstrument instrument, CancellationToken cancellationToken)
    {
        _instruments[instrument.Id] = ReadModelJson.Write(instrument);
        return Task.CompletedTask;
    }

    private sealed class Day
    {
        public long Position { get; set; }

        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
    }
}
