using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Users.AddPlatformAnalyst;

/// <summary>
/// A platform admin lets someone read the platform's reports, by mobile number (someone not yet on the
/// platform is registered). The role is checked against the database on every report, so it takes effect on
/// the next request, on every node.
/// </summary>
public sealed record AddPlatformAnalystCommand(string Phone) : ICommand<Outcome<PlatformAnalystDto>>, IRequirePlatformAdmin;

public sealed class AddPlatformAnalystHandler(UserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddPlatformAnalystCommand, Outcome<PlatformAnalystDto>>
{
    public async ValueTask<Outcome<PlatformAnalystDto>> Handle(AddPlatformAnalystCommand command, CancellationToken cancellationToken)
    {
        var number = PhoneNumber.Parse(command.Phone);
        if (!number.IsSuccess)
        {
            return number.Error!;
        }

        var person = await users.FindOrRegisterAsync(number.Value!, clock.GetUtcNow(), cancellationToken);
        var granted = person.GrantPlatformAnalyst(currentUser.RequiredId, clock.GetUtcNow());
        return granted.IsSuccess ? Outcome<PlatformAnalystDto>.Ok(new PlatformAnalystDto(person.Id.Value, person.Phone.Value)) : granted.Error!;
    }
}
