using CodeScan.Application.ReadModels;

namespace CodeScan.Application.Projections;

/// <summary>
/// One read model, kept current from the event log. Applying an event twice must be harmless: each
/// projection compares the event's position with the one its view last applied.
/// </summary>
public interface IProjection
{
    Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
