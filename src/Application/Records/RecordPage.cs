using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Records;

/// <summary>A page of records, newest first; <see cref="HasNextPage"/> says whether older ones follow.</summary>
public sealed record RecordPage(IReadOnlyList<RecordEntry> Items, bool HasNextPage)
{
    /// <summary>Set when the scan stopped before filling the page: the end cursor is this position.</summary>
    public long? ResumeBelow { get; init; }

    public const int MaxPage = 100;

    public static readonly RecordPage Empty = new([], false);

    /// <summary>The page size check both records queries validate.</summary>
    public static Error? FirstOutOfRange(int first) => Rules.PageSize(first, MaxPage);

    /// <summary>Refuses a malformed cursor or window; returns the position to list below.</summary>
    public static long Check(string? after, DateTimeOffset? from, DateTimeOffset? to)
    {
        var before = RecordCursor.ParseOrRefuse(after);
        if (from is { } start && to is { } end && start >= end)
        {
            throw new InvalidQueryInputException("'from' must be earlier than 'to'.");
        }

        return before;
    }

    /// <summary>One more than asked tells whether another page follows.</summary>
    public static async Task<RecordPage> LoadAsync(
        IRecordStore store, RecordOwner owner, RecordFilter filter, string? after, int first, CancellationToken cancellationToken)
    {
        var before = Check(after, filter.From, filter.To);

        var size = Math.Clamp(first, 1, MaxPage);
        var entries = await store.ListAsync(owner, filter, before, size + 1, cancellationToken);
        return entries.ResumeBelow is { } resume
            ? new RecordPage(entries.Take(size).ToList(), true) { ResumeBelow = resume }
            : new RecordPage(entries.Take(size).ToList(), entries.Count > size);
    }
}
