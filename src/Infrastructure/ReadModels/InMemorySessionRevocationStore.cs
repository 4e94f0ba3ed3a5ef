using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;

namespace CodeScan.Infrastructure.ReadModels;

/// <summary>
/// Embedded mode's revocation read model: rebuilt from the event log at start like every in-memory read
/// model, so a session revoked before a restart is still refused after it.
/// </summary>
internal sealed class InMemorySessionRevocationStore(TimeProvider clock) : ISessionRevocationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, DateTimeOffset> _revoked = [];
    private long _position;

    public Task<bool> AddAsync(RevokedSession session, long position, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_position >= position)
            {
                return Task.FromResult(false);
            }

            _position = position;
            foreach (var expired in _revoked.Where(r => r.Value <= now).Select(r => r.Key).ToList())
            {
                _revoked.Remove(expired);
            }

            if (session.NotAfter <= now)
            {
                return Task.FromResult(false);
            }

            _revoked[session.SessionId] = _revoked.TryGetValue(session.SessionId, out var known) && known > session.NotAfter ? known : session.NotAfter;
            return Task.FromResult(true);
        }
    }

    public Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_position);
        }
    }

    public Task<IReadOnlyList<RevokedSession>> GetActiveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RevokedSession>>(_revoked.Where(r => r.Value > now).Select(r => new RevokedSession(r.Key, r.Value)).ToList());
        }
    }
}
