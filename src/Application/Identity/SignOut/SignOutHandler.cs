using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Identity.SignOut;

public sealed class SignOutHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    ISessionRevocations revocations,
    IAccessTokenLifetime accessTokenLifetime,
    TimeProvider clock) : ICommandHandler<SignOutCommand, Outcome<bool>>
{
    public async ValueTask<Outcome<bool>> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenValues.Hash(command.RefreshToken);
        var userId = currentUser.RequiredId;

        // Someone else's token is treated as unknown: signing out never reveals whose a token is.
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return new Error(ErrorCode.RefreshTokenInvalid, "The refresh token is not one of yours.", "refreshToken");
        }

        await Sessions.RevokeAsync(db, revocations, accessTokenLifetime, userId, token.FamilyId, clock.GetUtcNow(), cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
