using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Ledger;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions.Redeem;

public sealed class RedeemHandler(
    IApplicationDbContext db,
    ILedger ledger,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RedeemCommand, Outcome<RedemptionResult>>
{
    public async ValueTask<Outcome<RedemptionResult>> Handle(RedeemCommand command, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == command.MerchantId, cancellationToken);
        if (merchant is null)
        {
            return Error.NotFound("The merchant", "merchantId");
        }

        var customerId = currentUser.RequiredId;
        var customer = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == customerId, cancellationToken)
            ?? throw new UnauthenticatedException(); // a validly signed token for a user this deployment does not know

        await ledger.EnsureAccountsAsync(
        [
            LedgerAccount.Open(AccountKind.MerchantSales, merchant.Id, null, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerPrincipal, merchant.Id, customerId, merchant.Currency),
            LedgerAccount.Open(AccountKind.CustomerBonus, merchant.Id, customerId, merchant.Currency),
        ], cancellationToken);

        var balance = await ledger.LockStoredValueAsync(merchant.Id, customerId, cancellationToken);
        var redemption = Redemption.OfStoredValue(merchant, customerId, new Money(command.Amount, merchant.Currency), balance, clock.GetUtcNow());
        if (!redemption.IsSuccess)
        {
            return redemption.Error!;
        }

        var value = redemption.Value!;
        if (!await ledger.PostAsync(value.Transfers(), cancellationToken))
        {
            return new Error(ErrorCode.InsufficientBalance, "The stored value balance does not cover the amount.", "amount");
        }

        var after = await ledger.GetStoredValueAsync(merchant.Id, customerId, cancellationToken);
        value.Complete(customer.Phone.Masked(), after);
        db.Redemptions.Add(value);

        return Outcome<RedemptionResult>.Ok(new RedemptionResult(
            value.Id, merchant.Id.Value, customerId.Value, value.Mode.ToString(), value.Amount, value.FromPrincipal, value.FromBonus,
            value.Currency, after.Principal, after.Bonus, value.CreatedAt));
    }
}
