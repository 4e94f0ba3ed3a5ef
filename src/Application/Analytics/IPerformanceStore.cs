namespace CodeScan.Application.Analytics;

/// <summary>
/// Coupon and card performance rollups (Redis in production, memory in embedded mode), written only by
/// <see cref="PerformanceProjection"/>. A rollup is a bag of named counters per scope (a merchant, or
/// the platform in a currency, <see cref="PlatformScope"/>) and day, each remembering the last event position it took, so a
/// replayed event adds nothing; a report reads one rollup per day of its range.
/// </summary>
public interface IPerformanceStore
{
    /// <summary>
    /// Adds <paramref name="counters"/> to the rollup unless it has already taken an event at
    /// <paramref name="position"/> or later: the projector applies events in position order.
    /// </summary>
    Task AddAsync(PerformanceRollup rollup, Guid scopeId, DateOnly day, long position, IReadOnlyDictionary<string, long> counters, CancellationToken cancellationToken);

    /// <summary>The counters of every day from <paramref name="from"/> to <paramref name="to"/>, both included, in order; empty for a day without any.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> GetDaysAsync(PerformanceRollup rollup, Guid scopeId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Names a coupon template or card product of a merchant (the last name given wins).</summary>
    Task PutItemAsync(Guid merchantId, PerformanceItem item, CancellationToken cancellationToken);

    /// <summary>Every coupon template and card product the merchant has defined.</summary>
    Task<IReadOnlyList<PerformanceItem>> GetItemsAsync(Guid merchantId, CancellationToken cancellationToken);
}

/// <summary>The three rollups of the performance read model.</summary>
public enum PerformanceRollup
{
    /// <summary>Per local day of the merchant: issuance, payments, reversals, cohorts and time-to-redeem histograms.</summary>
    Local,

    /// <summary>Per UTC day: instruments with value left whose expiry falls on that day.</summary>
    ExpiryTotals,

    /// <summary>Per UTC day, by the second: the same expiries, to count a day that is only partly in a range or not yet over.</summary>
    ExpiryDetail,
}

/// <summary>What a row of the performance report is about.</summary>
public enum PerformanceItemKind
{
    Coupon,
    TimesCard,
    MembershipCard,
}

/// <summary>A coupon template or a card product.</summary>
public sealed record PerformanceItem(Guid ItemId, PerformanceItemKind Kind, string Name);
