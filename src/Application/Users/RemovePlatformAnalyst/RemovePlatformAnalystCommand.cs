using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Users.RemovePlatformAnalyst;

/// <summary>A platform admin takes the platform analyst role away; the next report the person asks for is refused.</summary>
public sealed record RemovePlatformAnalystCommand(string Phone) : ICommand<Outcome<PlatformAnalystDto>>, IRequirePlatformAdmin;

public sealed class RemovePlatformAnalystHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemovePlatformAnalystCommand, Outcome<PlatformAnalystDto>>
{
    public async ValueTask<Outcome<PlatformAnalystDto>> Handle(RemovePlatformAnalystCommand command, CancellationToken cancellationToken)
    {
        var number = PhoneNumber.Parse(command.Phone);
        if (!number.IsSuccess)
        {
            return number.Error!;
        }

        var phone = number.Value!;
        var person = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (person is null)
        {
            return Error.NotFound("The platform analyst", "phone");
        }

        var revoked = person.RevokePlatformAnalyst(currentUser.RequiredId, clock.GetUtcNow());
        return revoked.IsSuccess ? Outcome<PlatformAnalystDto>.Ok(new PlatformAnalystDto(person.Id.Value, person.Phone.Value)) : revoked.Error!;
    }
}
