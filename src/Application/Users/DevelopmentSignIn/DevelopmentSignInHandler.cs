using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Users.DevelopmentSignIn;

public sealed class DevelopmentSignInHandler(
    IApplicationDbContext db,
    IAccessTokens tokens,
    IOptions<PlatformOptions> platform,
    TimeProvider clock) : ICommandHandler<DevelopmentSignInCommand, Outcome<SignInResult>>
{
    public async ValueTask<Outcome<SignInResult>> Handle(DevelopmentSignInCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.Phone);
        if (!phone.IsSuccess)
        {
            return phone.Error!;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone.Value!, cancellationToken);
        if (user is null)
        {
            user = User.Register(phone.Value!, clock.GetUtcNow());
            db.Users.Add(user);
        }

        var roles = new List<string> { Roles.Customer };
        if (platform.Value.IsAdmin(phone.Value!))
        {
            roles.Add(Roles.PlatformAdmin);
        }

        var token = tokens.Issue(user.Id.Value, phone.Value!.Value, roles);
        return Outcome<SignInResult>.Ok(new SignInResult(user.Id.Value, token, roles));
    }
}
