namespace CodeScan.Application.Records;

/// <summary>Whose history: one customer's across merchants, or one merchant's across customers.</summary>
public readonly record struct RecordOwner(RecordSide Side, Guid Id)
{
    public static RecordOwner Customer(Guid customerId) => new(RecordSide.Customer, customerId);

    public static RecordOwner Merchant(Guid merchantId) => new(RecordSide.Merchant, merchantId);
}

public enum RecordSide
{
    Customer,
    Merchant,
}

/// <summary>
/// Which records to list. No kinds means every kind; <see cref="From"/> is inclusive, <see cref="To"/>
/// exclusive; <see cref="MerchantId"/> narrows a customer's history to one merchant.
/// </summary>
public sealed record RecordFilter(IReadOnlyCollection<RecordKind> Kinds, Guid? MerchantId = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public static readonly RecordFilter All = new([]);

    /// <summary>
    /// How far an entry's time may run behind an older entry's: positions follow commit order, times the
    /// clock when the transaction began. Scanning newest first may stop this far past <see cref="From"/>.
    /// </summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromHours(1);

    public IReadOnlyCollection<RecordKind> EffectiveKinds => Kinds.Count == 0 ? Enum.GetValues<RecordKind>() : Kinds;

    public bool Matches(RecordEntry entry) =>
        (Kinds.Count == 0 || Kinds.Contains(entry.Kind))
        && (MerchantId is null || entry.MerchantId == MerchantId)
        && (From is null || entry.OccurredAt >= From)
        && (To is null || entry.OccurredAt < To);

    /// <summary>True once scanning newest first has gone so far back that nothing older can match.</summary>
    public bool IsPast(RecordEntry entry) => From is { } from && entry.OccurredAt < from - ClockSlack;
}

/// <summary>
/// The records read model (Redis in production, memory in embedded mode), apart from
/// <see cref="ReadModels.IReadModelStore"/>. Written only by <see cref="RecordsProjection"/>.
/// </summary>
public interface IRecordStore
{
    /// <summary>
    /// Adds the entry to its customer's and its merchant's history unless an entry at its position is
    /// already there (a replayed event), and remembers the balance it left for that wallet.
    /// </summary>
    Task AppendAsync(RecordEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Several entries in position order, each added (or found there already) as <see cref="AppendAsync"/> would add it
    /// alone; a store may send them in one go (the projector hands over a batch's this way).
    /// </summary>
    async Task AppendAllAsync(IReadOnlyList<RecordEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await AppendAsync(entry, cancellationToken);
        }
    }

    /// <summary>The stored value the wallet's latest record left: (0, 0) before any.</summary>
    Task<(long Principal, long Bonus)> GetBalanceAsync(Guid merchantId, Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> matching entries below <paramref name="beforePosition"/>, newest first.
    /// A scan stops after <see cref="RecordList.MaxExamined"/> entries even if the page is not full, and
    /// says where (<see cref="RecordList.ResumeBelow"/>), so a filter that matches little never walks the
    /// whole history in one request.
    /// </summary>
    Task<RecordList> ListAsync(RecordOwner owner, RecordFilter filter, long beforePosition, int limit, CancellationToken cancellationToken);
}

/// <summary>Entries of one scan, and the position it stopped at when it examined its maximum first.</summary>
public sealed class RecordList(IReadOnlyList<RecordEntry> entries, long? resumeBelow = null) : IReadOnlyList<RecordEntry>
{
    /// <summary>Entries one request may examine, matching or not.</summary>
    public const int MaxExamined = 2_000;

    /// <summary>Set when the scan stopped early: continue strictly below this position.</summary>
    public long? ResumeBelow => resumeBelow;

    public int Count => entries.Count;

    public RecordEntry this[int index] => entries[index];

    public IEnumerator<RecordEntry> GetEnumerator() => entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
