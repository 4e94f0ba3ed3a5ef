using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Staff.RemoveCashier;

/// <summary>The owner removes a cashier; from the next request on they can no longer act for the merchant.</summary>
public sealed record RemoveCashierCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class RemoveCashierHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveCashierCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(RemoveCashierCommand command, CancellationToken cancellationToken) =>
        await StaffRoster.RemoveAsync(
            db, command.MerchantId, command.Phone, "The cashier",
            (merchant, person) => merchant.RemoveCashier(person, currentUser.RequiredId, clock.GetUtcNow()), cancellationToken);
}
