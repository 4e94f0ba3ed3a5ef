using CodeScan.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.EventLog;

/// <summary>
/// Appends a transaction's events as its last write. Taking positions from the sequence row locks that row
/// until commit, so positions become visible strictly in order: a transaction that got position n has
/// committed (or rolled back) before any other can take n + 1. See docs/decisions/0002.
/// </summary>
internal static class EventLogAppender
{
    public static async Task AppendAsync(CodeScanDbContext db, IReadOnlyList<IDomainEvent> events, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await db.EventSequence
            .Where(s => s.Id == EventSequence.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastPosition, x => x.LastPosition + events.Count), cancellationToken);
        var last = await db.EventSequence.AsNoTracking()
            .Where(s => s.Id == EventSequence.SingletonId)
            .Select(s => s.LastPosition)
            .SingleAsync(cancellationToken);

        var position = last - events.Count;
        var now = clock.GetUtcNow();
        foreach (var domainEvent in events)
        {
            db.EventLog.Add(new EventLogEntry
            {
                Position = ++position,
                EventId = Guid.CreateVersion7(),
                StreamId = domainEvent.StreamId,
                EventType = EventSerializer.TypeName(domainEvent),
                Payload = EventSerializer.Serialize(domainEvent),
                OccurredAt = domainEvent.OccurredAt,
                RecordedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
