using CodeScan.Application.Common.Security;
using CodeScan.Application.Identity;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Users;

namespace CodeScan.Application.Projections;

/// <summary>
/// The sessions every node must refuse: each revocation goes to the revocation read model and is announced
/// to every node, once (a replayed event finds the store past its position and stays silent; so does one
/// whose access tokens have all expired by the time it is applied).
/// </summary>
public sealed class SessionRevocationProjection(ISessionRevocationStore store, INotificationBus bus) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Event is not SessionRevoked e)
        {
            return;
        }

        var revoked = new RevokedSession(e.SessionId, e.NotAfter);
        if (await store.AddAsync(revoked, envelope.Position, cancellationToken))
        {
            await bus.PublishAsync(Channels.SessionRevocations, revoked, cancellationToken);
        }
    }
}
