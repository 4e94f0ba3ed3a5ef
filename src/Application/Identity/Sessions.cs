using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Users.GetMe;
using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Identity;

/// <summary>Issues the access token for a user and pairs it with a refresh token; ends a session.</summary>
internal static class Sessions
{
    /// <summary>
    /// How long past its access tokens' lifetime a revoked session stays refused: a token issued just now
    /// by a node whose clock runs ahead of the checking node's is still accepted that much longer.
    /// </summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromMinutes(1);

    public static Session Create(
        User user,
        string refreshToken,
        RefreshToken stored,
        PlatformOptions platform,
        IAccessTokens accessTokens,
        IAccessTokenLifetime lifetime,
        DateTimeOffset now)
    {
        var isAdmin = platform.IsAdmin(user.Phone);
        var roles = isAdmin ? new[] { Roles.Customer, Roles.PlatformAdmin } : new[] { Roles.Customer };
        var accessToken = accessTokens.Issue(user.Id.Value, user.Phone.Value, roles, stored.FamilyId);
        return new Session(
            accessToken,
            now + lifetime.AccessTokenLifetime,
            refreshToken,
            stored.ExpiresAt,
            new UserDto(user.Id.Value, user.Phone.Value, isAdmin, user.IsPlatformAnalyst));
    }

    /// <summary>
    /// Ends the session (refresh-token family): every refresh token of it is revoked, the user records
    /// <see cref="SessionRevoked"/> for every node, and this node refuses the session's access tokens at
    /// once. A session ended before is left as it is.
    /// </summary>
    public static async Task RevokeAsync(
        IApplicationDbContext db,
        ISessionRevocations revocations,
        IAccessTokenLifetime lifetime,
        UserId userId,
        Guid sessionId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var family = await db.RefreshTokens.Where(t => t.FamilyId == sessionId).ToListAsync(cancellationToken);
        if (family.TrueForAll(t => t.RevokedAt is not null))
        {
            return;
        }

        family.ForEach(t => t.Revoke(now));
        var revoked = new RevokedSession(sessionId, now + lifetime.AccessTokenLifetime + ClockAllowance);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.RevokeSession(sessionId, revoked.NotAfter, now);

        // Before the commit on purpose: should the commit fail, the session is refused (until NotAfter) by
        // the nodes this reached although it was not revoked — only ever more revocation, never less.
        // Marking after the commit would leave a moment in which this node still accepts a token its user
        // has just signed out.
        revocations.Revoke(revoked);
    }
}
