using System.Collections.Concurrent;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using Microsoft.Extensions.Logging;

namespace CodeScan.Infrastructure.Security;

/// <summary>
/// This node's set of revoked sessions, in memory: checking a token is one dictionary lookup. Entries are
/// only ever added (a revocation is never undone) and dropped once the session's access tokens have all
/// expired; <see cref="SessionRevocationSync"/> fills it from the read model and the notifications.
/// </summary>
internal sealed class LocalSessionRevocations(INotificationBus bus, TimeProvider clock, ILogger<LocalSessionRevocations> logger) : ISessionRevocations
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _revoked = new();
    private readonly Lock _watchGate = new();
    private readonly Dictionary<Guid, List<Action>> _watchers = [];

    public bool IsRevoked(Guid sessionId) => _revoked.TryGetValue(sessionId, out var notAfter) && notAfter > clock.GetUtcNow();

    public void Revoke(RevokedSession session)
    {
        Mark(session);

        // Not awaited: the revoking command must not wait for (or fail with) Redis. This only makes other
        // nodes learn it sooner than from the read model, which the committed event reaches anyway.
        _ = AnnounceAsync(session);
    }

    public void Mark(RevokedSession session)
    {
        _revoked.AddOrUpdate(session.SessionId, session.NotAfter, (_, known) => known > session.NotAfter ? known : session.NotAfter);
        Action[] watchers;
        lock (_watchGate)
        {
            watchers = _watchers.TryGetValue(session.SessionId, out var list) ? [.. list] : [];
        }

        foreach (var revoked in watchers)
        {
            revoked();
        }
    }

    public IDisposable Watch(Guid sessionId, Action revoked)
    {
        lock (_watchGate)
        {
            if (!_watchers.TryGetValue(sessionId, out var list))
            {
                _watchers[sessionId] = list = [];
            }

            list.Add(revoked);
        }

        // Registered first: a revocation marked meanwhile is seen either by Mark or here.
        if (IsRevoked(sessionId))
        {
            revoked();
        }

        return new Unwatch(this, sessionId, revoked);
    }

    /// <summary>Drops the sessions whose access tokens have all expired.</summary>
    public void ForgetExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in _revoked)
        {
            if (entry.Value <= now)
            {
                _revoked.TryRemove(entry);
            }
        }
    }

    private async Task AnnounceAsync(RevokedSession session)
    {
        try
        {
            await bus.PublishAsync(Channels.SessionRevocations, session, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not announce the revocation of session {Session}; other nodes learn it from the read model", session.SessionId);
        }
    }

    private void Remove(Guid sessionId, Action revoked)
    {
        lock (_watchGate)
        {
            if (_watchers.TryGetValue(sessionId, out var list) && list.Remove(revoked) && list.Count == 0)
            {
                _watchers.Remove(sessionId);
            }
        }
    }

    private sealed class Unwatch(LocalSessionRevocations owner, Guid sessionId, Action revoked) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(sessionId, revoked);
            }
        }
    }
}
