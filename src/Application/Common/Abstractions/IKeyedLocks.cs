namespace CodeScan.Application.Common.Abstractions;

/// <summary>
/// Serializes transactions that name the same key, until each ends. For checks that count rows and then
/// insert one (rate limits), where two requests counting at once would both get through.
/// </summary>
public interface IKeyedLocks
{
    Task LockAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
