using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Identity.RefreshAccessToken;

public sealed class RefreshAccessTokenHandler(
    IApplicationDbContext db,
    IIdentityStore store,
    IAccessTokens accessTokens,
    IAccessTokenLifetime accessTokenLifetime,
    ISessionRevocations revocations,
    IOptions<IdentityOptions> identity,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ILogger<RefreshAccessTokenHandler> logger) : ICommandHandler<RefreshAccessTokenCommand, Outcome<SessionVerdict>>
{
    private static readonly Error Invalid = new(ErrorCode.RefreshTokenInvalid, "The refresh token is no longer valid. Sign in again.", "refreshToken");

    public async ValueTask<Outcome<SessionVerdict>> Handle(RefreshAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Locked until commit, so two uses of one token take turns: the second finds it rotated. The
        // server cannot tell which of two holders is the rightful one, so that counts as reuse too.
        var token = await store.LockRefreshTokenAsync(RefreshTokenValues.Hash(command.RefreshToken), cancellationToken);
        if (token is null)
        {
            return Outcome<SessionVerdict>.Fail(Invalid);
        }

        if (token.IsReused)
        {
            await Sessions.RevokeAsync(db, revocations, accessTokenLifetime, token.UserId, token.FamilyId, now, cancellationToken);
            logger.LogWarning("Refresh token of family {Family} was used again after rotation: family revoked", token.FamilyId);
            return Outcome<SessionVerdict>.Ok(SessionVerdict.Refused(Invalid));
        }

        var next = RefreshTokenValues.New();
        var rotated = token.Rotate(RefreshTokenValues.Hash(next), now, identity.Value.RefreshTokenLifetime);
        if (!rotated.IsSuccess)
        {
            return Outcome<SessionVerdict>.Fail(rotated.Error!);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null)
        {
            return Outcome<SessionVerdict>.Fail(Invalid);
        }

        db.RefreshTokens.Add(rotated.Value!);
        var session = Sessions.Create(user, next, rotated.Value!, platform.Value, accessTokens, accessTokenLifetime, now);
        return Outcome<SessionVerdict>.Ok(SessionVerdict.Granted(session));
    }
}
