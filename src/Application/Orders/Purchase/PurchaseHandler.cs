using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Issuance;
using CodeScan.Domain.Orders;
using Mediator;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Orders.Purchase;

public sealed class PurchaseHandler(
    IApplicationDbContext db,
    IInstrumentIssuer issuer,
    IPaymentGateway gateway,
    ICurrentUser currentUser,
    IOptions<OrderOptions> options,
    TimeProvider clock) : ICommandHandler<PurchaseCommand, Outcome<PurchaseResult>>
{
    public async ValueTask<Outcome<PurchaseResult>> Handle(PurchaseCommand command, CancellationToken cancellationToken)
    {
        var quote = await issuer.QuoteAsync(command.MerchantId, command.Item!, cancellationToken);
        if (!quote.IsSuccess)
        {
            return quote.Error!;
        }

        var item = quote.Value!;
        var order = Order.Place(command.MerchantId, currentUser.RequiredId, item.Kind, item.ItemId, item.AmountDue, item.Currency, clock.GetUtcNow(), options.Value.TimeToPay);
        db.Orders.Add(order);

        var session = await gateway.StartAsync(new PaymentRequest(order.Id, order.AmountDue, order.Currency, item.Name, order.PayBy), cancellationToken);
        return Outcome<PurchaseResult>.Ok(new PurchaseResult(OrderDto.From(order), session));
    }
}
