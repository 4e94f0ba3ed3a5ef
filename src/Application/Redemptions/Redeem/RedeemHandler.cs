using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Merchants;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Redemptions.Redeem;

public sealed class RedeemHandler(IApplicationDbContext db, RedemptionDesk desk, ICurrentUser currentUser) : ICommandHandler<RedeemCommand, Outcome<RedemptionResult>>
{
    public async ValueTask<Outcome<RedemptionResult>> Handle(RedeemCommand command, CancellationToken cancellationToken)
    {
        var customerId = currentUser.RequiredId;
        var request = new RedemptionRequest(
            customerId,
            command.Mode,
            command.Amount ?? 0,
            command.Uses ?? 1,
            command.PayRestWith ?? RestPayment.StoredValue,
            RedemptionChannel.CustomerScan,
            customerId);
        var terms = await PaymentTerms.ReadAsync(db, command.MerchantId, customerId, cancellationToken);
        if (terms.Error is { } notFound)
        {
            return notFound;
        }

        var outcome = await desk.RedeemAsync(
            terms.Value!.Merchant, request, command.TimesCardId, command.CouponId, cancellationToken, terms.Value.MembershipCards);

        // A validly signed token for a user this deployment does not know is not a customer.
        return outcome.Error?.Field == "customerId" ? throw new UnauthenticatedException() : outcome;
    }
}
