using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Users;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Common;
using CodeScan.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Staff.AddCashier;

/// <summary>The owner adds a cashier by mobile number; someone not yet on the platform is registered.</summary>
public sealed record AddCashierCommand(MerchantId MerchantId, string Phone) : ICommand<Outcome<MerchantDto>>, IRequireMerchantOwner;

public sealed class AddCashierHandler(IApplicationDbContext db, UserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AddCashierCommand, Outcome<MerchantDto>>
{
    public async ValueTask<Outcome<MerchantDto>> Handle(AddCashierCommand command, CancellationToken cancellationToken)
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

        var now = clock.GetUtcNow();
        var cashier = await users.FindOrRegisterAsync(phone.Value!, now, cancellationToken);

        var added = merchant.AddCashier(cashier.Id, currentUser.RequiredId, now);
        if (!added.IsSuccess)
        {
            return added.Error!;
        }

        var dto = await db.ToDtoAsync(merchant, cancellationToken);

        // The new cashier may have been registered just now and is not in the database yet.
        return Outcome<MerchantDto>.Ok(dto with
        {
            Staff = dto.Staff.Select(s => s.UserId == cashier.Id.Value ? s with { Phone = phone.Value!.Value } : s).ToList(),
        });
    }
}
