using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Identity.SignOut;

public sealed class SignOutHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<SignOutCommand, Outcome<bool>>
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

        var now = clock.GetUtcNow();
        var family = await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId).ToListAsync(cancellationToken);
        family.ForEach(t => t.Revoke(now));
        return Outcome<bool>.Ok(true);
    }
}
