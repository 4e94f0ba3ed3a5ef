using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;
using Mediator;

namespace CodeScan.Application.Issuance.ClaimCoupon;

public sealed class ClaimCouponHandler(IInstrumentIssuer issuer, ICurrentUser currentUser) : ICommandHandler<ClaimCouponCommand, Outcome<IssuedInstrument>>
{
    public async ValueTask<Outcome<IssuedInstrument>> Handle(ClaimCouponCommand command, CancellationToken cancellationToken)
    {
        var issued = await issuer.IssueAsync(
            new IssueRequest(
                command.MerchantId, currentUser.RequiredId, new CatalogItemRef(OrderItemKind.CouponTemplate, command.CouponTemplateId, null),
                IssueSource.FreeClaim, null, null),
            cancellationToken);
        return issued.IsSuccess ? Outcome<IssuedInstrument>.Ok(issued.Value!) : issued.Error!;
    }
}
