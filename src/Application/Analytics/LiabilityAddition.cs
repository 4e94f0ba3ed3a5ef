namespace CodeScan.Application.Analytics;

/// <summary>One event's counters for one day of a scope's liability rollups, as <see cref="ILiabilityStore.AddAsync(Guid, DateOnly, long, IReadOnlyDictionary{string, long}, CancellationToken)"/> adds them.</summary>
public readonly record struct LiabilityAddition(DateOnly Day, long Position, IReadOnlyDictionary<string, long> Counters);
