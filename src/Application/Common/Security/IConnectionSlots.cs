namespace CodeScan.Application.Common.Security;

/// <summary>
/// Slots for long-lived connections (WebSockets) per key, such as a user or a client address. A connection holds
/// its slot while it is open; with Redis configured every API node counts the same slots, so N nodes allow what
/// one would.
/// </summary>
public interface IConnectionSlots
{
    /// <summary>
    /// One more slot of <paramref name="key"/>, or null when <paramref name="limit"/> are held. Disposing the slot
    /// frees it (at once on this node, without waiting for the shared store).
    /// </summary>
    ValueTask<IDisposable?> TryAcquireAsync(string key, int limit, CancellationToken cancellationToken);
}
