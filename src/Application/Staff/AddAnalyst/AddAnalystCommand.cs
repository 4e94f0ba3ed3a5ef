using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Staff.AddAnalyst;

/// <summary>The owner adds an analyst by mobile number, who may read the merchant's reports and do nothing else; someone not yet on the platform is registered.</summary>
public sealed record AddAnalystCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class AddAnalystHandler(IApplicationDbContext db, UserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddAnalystCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(AddAnalystCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await StaffRoster.AddAsync(
            db, users, command.MerchantId, command.Phone, now, (merchant, person) => merchant.AddAnalyst(person, currentUser.RequiredId, now), cancellationToken);
    }
}
