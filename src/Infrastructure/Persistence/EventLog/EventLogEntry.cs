namespace CodeScan.Infrastructure.Persistence.EventLog;

/// <summary>
/// One row of the event log: the outbox for projections and the source every read model is rebuilt from.
/// Positions are handed out in commit order (see <see cref="CommitBatch"/>), so a reader that
/// follows the position never passes an event that has yet to commit.
/// </summary>
public sealed class EventLogEntry
{
    public long Position { get; set; }

    public Guid EventId { get; set; }

    public string StreamId { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The single row that hands out event-log positions; its row lock orders commits.</summary>
public sealed class EventSequence
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastPosition { get; set; }
}
