using CodeScan.Application.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.EventLog;

public sealed class EventLogReader(CodeScanDbContext db)
{
    public async Task<IReadOnlyList<EventEnvelope>> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.EventLog.AsNoTracking()
            .Where(e => e.Position > position)
            .OrderBy(e => e.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new EventEnvelope(r.Position, EventSerializer.Deserialize(r.EventType, r.Payload), r.RecordedAt)).ToList();
    }

    public Task<long> LastPositionAsync(CancellationToken cancellationToken) =>
        db.EventSequence.AsNoTracking().Where(s => s.Id == EventSequence.SingletonId).Select(s => s.LastPosition).SingleAsync(cancellationToken);
}
