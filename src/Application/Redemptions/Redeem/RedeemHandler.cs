using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using Mediator;

namespace CodeScan.Application.Redemptions.Redeem;

public sealed class RedeemHandler(IPaymentTermsReader termsReader, RedemptionDesk desk, ICurrentUser currentUser) : ICommandHandler<RedeemCommand, Outcome<RedemptionResult>>
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

        // A stored-value payment locks nothing before the customer's stored value, so the lock can ride with the read.
        var terms = await termsReader.ReadAsync(command.MerchantId, customerId, lockStoredValue: command.Mode == RedemptionMode.StoredValue, cancellationToken);
        if (terms.Error is { } notFound)
        {
            return notFound;
        }

        var outcome = await desk.RedeemAsync(terms.Value!, request, command.TimesCardId, command.CouponId, cancellationToken);

        // A validly signed token for a user this deployment does not know is not a customer.
        return outcome.Error?.Field == "customerId" ? throw new UnauthenticatedException() : outcome;
    }
}
