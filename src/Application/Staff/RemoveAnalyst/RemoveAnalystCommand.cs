using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Staff.RemoveAnalyst;

/// <summary>The owner removes an analyst; from the next request on they can no longer read its reports.</summary>
public sealed record RemoveAnalystCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class RemoveAnalystHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveAnalystCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(RemoveAnalystCommand command, CancellationToken cancellationToken) =>
        await StaffRoster.RemoveAsync(
            db, command.MerchantId, command.Phone, "The analyst",
            (merchant, person) => merchant.RemoveAnalyst(person, currentUser.RequiredId, clock.GetUtcNow()), cancellationToken);
}
