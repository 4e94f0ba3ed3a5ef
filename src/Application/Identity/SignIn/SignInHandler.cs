using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Identity.SignIn;

public sealed class SignInHandler(
    IApplicationDbContext db,
    UserDirectory users,
    IIdentityStore store,
    ISignInCodes codes,
    IAccessTokens accessTokens,
    IAccessTokenLifetime accessTokenLifetime,
    IOptions<IdentityOptions> identity,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    ILogger<SignInHandler> logger) : ICommandHandler<SignInCommand, Outcome<SessionVerdict>>
{
    public async ValueTask<Outcome<SessionVerdict>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.Phone).Value!;
        var now = clock.GetUtcNow();

        // Locked until commit: concurrent guesses at one code take turns, and each counts.
        var challenge = await store.LockLatestChallengeAsync(phone, cancellationToken);
        if (challenge is null)
        {
            // The same answer as a wrong code, after the same hashing work: nothing tells a number that was
            // never sent a code from one that was.
            codes.Matches(codes.Hash(phone, "000000"), phone, command.Code);
            logger.LogInformation("Sign-in for {Phone} refused: no code was sent", phone.Masked());
            return Outcome<SessionVerdict>.Ok(SessionVerdict.Refused(SignInChallenge.Refused));
        }

        var verdict = challenge.Verify(codes.Matches(challenge.CodeHash, phone, command.Code), now);
        if (!verdict.IsSuccess)
        {
            logger.LogInformation(
                "Sign-in for {Phone} refused: challenge {Status} after {Attempts} wrong codes", phone.Masked(), challenge.Status, challenge.Attempts);
            return Outcome<SessionVerdict>.Ok(SessionVerdict.Refused(verdict.Error!));
        }

        var user = await users.FindOrRegisterAsync(phone, now, cancellationToken);

        var refreshToken = RefreshTokenValues.New();
        var stored = RefreshToken.Issue(user.Id, NewId.Next(), RefreshTokenValues.Hash(refreshToken), now, identity.Value.RefreshTokenLifetime);
        db.RefreshTokens.Add(stored);

        var session = Sessions.Create(user, refreshToken, stored, platform.Value, accessTokens, accessTokenLifetime, now);
        return Outcome<SessionVerdict>.Ok(SessionVerdict.Granted(session));
    }
}
