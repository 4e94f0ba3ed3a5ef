using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Staff.RemoveCashier;

/// <summary>The owner removes a cashier; from the next request on they can no longer act for the merchant.</summary>
public sealed record RemoveCashierCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class RemoveCashierHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveCashierCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(RemoveCashierCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.Phone);
        if (!phone.IsSuccess)
        {
            return phone.Error!;
        }

        var found = await db.MerchantToChangeAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var cashier = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Phone == phone.Value!, cancellationToken);
        if (cashier is null)
        {
            return Error.NotFound("The cashier", "phone");
        }

        var removed = merchant.RemoveCashier(cashier.Id, currentUser.RequiredId, clock.GetUtcNow());
        return removed.IsSuccess ? Outcome<MerchantDto>.Ok(await db.ToDtoAsync(merchant, cancellationToken)) : removed.Error!;
    }
}
