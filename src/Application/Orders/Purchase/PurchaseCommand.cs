using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Issuance;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Orders.Purchase;

/// <summary>
/// The signed-in customer buys a card, a coupon or stored value: an order for the catalog price and a
/// payment session. Nothing is issued until the provider reports the payment.
/// </summary>
public sealed record PurchaseCommand(MerchantId MerchantId, CatalogItemRef? Item, string IdempotencyKey)
    : ICommand<Outcome<PurchaseResult>>, IRequireSignedIn, IIdempotentCommand;

public sealed record PurchaseResult(OrderDto Order, PaymentSession Payment);
