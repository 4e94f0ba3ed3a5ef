namespace CodeScan.Domain.Common;

/// <summary>
/// A fact recorded by an aggregate. The unit of work appends it to the event log in the same
/// transaction as the state change, so projections can never see one without the other.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The id of the aggregate (stream) the event belongs to.</summary>
    string StreamId { get; }

    DateTimeOffset OccurredAt { get; }
}
