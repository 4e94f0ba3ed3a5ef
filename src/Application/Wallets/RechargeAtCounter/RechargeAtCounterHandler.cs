using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Users;
using CodeScan.Domain.Wallets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Wallets.RechargeAtCounter;

public sealed class RechargeAtCounterHandler(
    IApplicationDbContext db,
    ILedger ledger,
    UserDirectory users,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RechargeAtCounterCommand, Outcome<RechargeResult>>
{
    public async ValueTask<Outcome<RechargeResult>> Handle(RechargeAtCounterCommand command, CancellationToken cancellationToken)
    {
        var found = await db.MerchantToReadAsync(command.MerchantId, cancellationToken);
        if (found.Error is { } notFound)
        {
            return notFound;
        }

        var merchant = found.Value!;

        var now = clock.GetUtcNow();
        var phone = PhoneNumber.Parse(command.CustomerPhone).Value!;
        var customer = await users.FindOrRegisterAsync(phone, now, cancellationToken);

        var recharge = Recharge.AtCounter(
            merchant, customer.Id, currentUser.RequiredId,
            new Money(command.Amount, merchant.Currency), new Money(command.Bonus, merchant.Currency), now);
        if (!recharge.IsSuccess)
        {
            return recharge.Error!;
        }

        var value = recharge.Value!;
        var balance = await RechargeLedger.CreditAsync(db, ledger, merchant, customer, value, cancellationToken);

        return Outcome<RechargeResult>.Ok(new RechargeResult(
            value.Id, merchant.Id.Value, customer.Id.Value, phone.Masked(), value.Amount, value.Bonus, value.Currency,
            balance.Principal, balance.Bonus, value.CreatedAt));
    }
}
