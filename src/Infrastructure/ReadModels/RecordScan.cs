using CodeScan.Application.Records;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Lists records newest first from several per-kind indexes at once: a lazy k-way merge by position, a
/// chunk at a time from each index, that stops when the page is full, every index is exhausted, the
/// filter's date range lies behind, or it has examined its maximum (then it says where it stopped).
/// </summary>
internal static class RecordScan
{
    /// <summary>Reads up to <c>count</c> entries of one index below a position, newest first.</summary>
    public delegate Task<IReadOnlyList<RecordEntry>> ReadBelow(long beforePosition, int count);

    public static async Task<RecordList> ListAsync(IEnumerable<ReadBelow> indexes, RecordFilter filter, long beforePosition, int limit, int maxExamined = RecordList.MaxExamined)
    {
        // A plain kinds-only listing needs no more than the page from each index; other filters skip entries.
        var chunk = filter is { MerchantId: null, From: null, To: null } ? limit : Math.Max(limit, 200);
        var cursors = indexes.Select(read => new IndexCursor(read, beforePosition)).ToList();
        var page = new List<RecordEntry>(Math.Min(limit, 1_000));
        var examined = 0;
        var lastExamined = long.MaxValue;
        while (page.Count < limit)
        {
            if (examined >= maxExamined)
            {
                // Everything above the last examined entry has been looked at; the next request goes on below it.
                return new RecordList(page, lastExamined);
            }

            await Task.WhenAll(cursors.Where(c => c.NeedsMore).Select(c => c.ReadAsync(chunk)));
            var newest = cursors.Where(c => c.Buffered.Count > 0).MaxBy(c => c.Buffered.Peek().Position);
            if (newest is null)
            {
                break;
            }

            var entry = newest.Buffered.Dequeue();
            examined++;
            lastExamined = entry.Position;
            if (filter.IsPast(entry))
            {
                break;
            }

            if (filter.Matches(entry))
            {
                page.Add(entry);
            }
        }

        return new RecordList(page);
    }

    private sealed class IndexCursor(ReadBelow read, long beforePosition)
    {
        private long _before = beforePosition;
        private bool _exhausted;

        public Queue<RecordEntry> Buffered { get; } = new();

        public bool NeedsMore => Buffered.Count == 0 && !_exhausted;

        public async Task ReadAsync(int count)
        {
            var entries = await read(_before, count);
            foreach (var entry in entries)
            {
                Buffered.Enqueue(entry);
            }

            _exhausted = entries.Count < count;
            if (entries.Count > 0)
            {
                _before = entries[^1].Position;
            }
        }
    }
}
