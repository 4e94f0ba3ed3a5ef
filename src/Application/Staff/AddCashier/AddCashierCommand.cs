using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Staff.AddCashier;

/// <summary>The owner adds a cashier by mobile number; someone not yet on the platform is registered.</summary>
public sealed record AddCashierCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class AddCashierHandler(IApplicationDbContext db, UserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddCashierCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(AddCashierCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await StaffRoster.AddAsync(
            db, users, command.MerchantId, command.Phone, now, (merchant, person) => merchant.AddCashier(person, currentUser.RequiredId, now), cancellationToken);
    }
}
