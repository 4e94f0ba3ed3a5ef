using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
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
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RechargeAtCounterCommand, Outcome<RechargeResult>>
{
    public async ValueTask<Outcome<RechargeResult>> Handle(RechargeAtCounterCommand command, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == command.MerchantId, cancellationToken);
        if (merchant is null)
        {
            return Error.NotFound("The merchant", "merchantId");
        }

        var now = clock.GetUtcNow();
        var phone = PhoneNumber.Parse(command.CustomerPhone).Value!;
        var customer = await db.Users.SingleOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (customer is null)
        {
            customer = User.Register(phone, now);
            db.Users.Add(customer);
        }

        var recharge = Recharge.AtCounter(
            merchant, customer.Id, currentUser.RequiredId,
            new Money(command.Amount, merchant.Currency), new Money(command.Bonus, merchant.Currency), now);
        if (!recharge.IsSuccess)
        {
            return recharge.Error!;
        }

        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantCash, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.MerchantBonusExpense, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerPrincipal, merchant.Id, customer.Id, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerBonus, merchant.Id, customer.Id, merchant.Currency),
        ], cancellationToken);

        var value = recharge.Value!;
        if (!await ledger.PostAsync(value.Transfers(), cancellationToken))
        {
            // Crediting never trips a guard; reaching here means the ledger is inconsistent.
            throw new InvalidOperationException("The ledger refused a recharge.");
        }

        var balance = await ledger.GetStoredValueAsync(merchant.Id, customer.Id, cancellationToken);
        value.Complete(phone.Masked(), balance);
        db.Recharges.Add(value);

        return Outcome<RechargeResult>.Ok(new RechargeResult(
            value.Id, merchant.Id.Value, customer.Id.Value, phone.Masked(), value.Amount, value.Bonus, value.Currency,
            balance.Principal, balance.Bonus, value.CreatedAt));
    }
}
