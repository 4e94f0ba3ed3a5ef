using CodeScan.Domain.Common;

namespace CodeScan.Application.ReadModels;

/// <summary>An event as stored in the event log, with its position (the order in which it committed).</summary>
public sealed record EventEnvelope(long Position, IDomainEvent Event, DateTimeOffset RecordedAt);
