using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Issuance;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Application.Orders.SettlePayment;

/// <summary>
/// Marks the order paid and issues what it bought in the same transaction. The payment's time is when this
/// service received the notification (our clock); the provider's timestamp is only recorded. A payment received
/// after the pay-by time and <c>Payments:LatePaymentGrace</c> marks the order <c>RefundDue</c> (committed, so the
/// refund is on record). Every refusal of money the customer may already have paid (wrong amount, too late, sold
/// out) is logged at warning level: an operator has to refund it.
/// </summary>
public sealed partial class SettlePaymentHandler(
    IApplicationDbContext db,
    IKeyedLocks locks,
    IInstrumentIssuer issuer,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<SettlePaymentHandler> logger) : ICommandHandler<SettlePaymentCommand, Outcome<SettlementResult>>
{
    public async ValueTask<Outcome<SettlementResult>> Handle(SettlePaymentCommand command, CancellationToken cancellationToken)
    {
        // Duplicate notifications for one order run one after another; the second sees the first's outcome.
        await locks.LockAsync(["order:" + command.OrderId.ToString("N")], cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken);
        if (order is null)
        {
            LogUnknownOrder(logger, command.OrderId, command.ProviderReference);
            return Error.NotFound("The order", "orderId");
        }

        if (command.Status != PaymentStatus.Paid)
        {
            // "pending" after "paid", or a failed attempt the customer may retry: nothing to do.
            return Outcome<SettlementResult>.Ok(new SettlementResult(order.Id, Settlement.Ignored, null));
        }

        var receivedAt = clock.GetUtcNow();
        var marked = order.MarkPaid(command.Amount, command.Currency, command.ProviderReference, receivedAt, command.ProviderTimestamp, options.Value.LatePaymentGrace);
        if (!marked.IsSuccess)
        {
            LogRefused(logger, order.Id, command.ProviderReference, command.Amount, command.Currency, order.AmountDue, order.Currency, order.Status, marked.Error!.Message);
            return marked.Error!;
        }

        if (order.Status == OrderStatus.RefundDue)
        {
            LogRefundDue(logger, order.Id, command.ProviderReference, command.Amount, command.Currency, receivedAt, order.ClosesAt(options.Value.LatePaymentGrace), command.ProviderTimestamp);
            return Outcome<SettlementResult>.Ok(new SettlementResult(order.Id, Settlement.RefundRequired, null));
        }

        if (!marked.Value)
        {
            return AlreadyPaid(order, command);
        }

        return await IssueWhatWasBoughtAsync(order, command, cancellationToken);
    }

    /// <summary>A repeat notification for a paid order: harmless, unless another reference shows a second payment.</summary>
    private Outcome<SettlementResult> AlreadyPaid(Order order, SettlePaymentCommand command)
    {
        if (order.PaymentReference != command.ProviderReference)
        {
            LogSecondPayment(logger, order.Id, order.PaymentReference, command.ProviderReference, command.Amount, command.Currency);
        }

        return Outcome<SettlementResult>.Ok(new SettlementResult(order.Id, Settlement.AlreadyPaid, null));
    }

    /// <summary>Issues the card, coupon or stored value the order bought; a refusal leaves money to refund.</summary>
    private async Task<Outcome<SettlementResult>> IssueWhatWasBoughtAsync(Order order, SettlePaymentCommand command, CancellationToken cancellationToken)
    {
        var issued = await issuer.IssueAsync(
            new IssueRequest(order.MerchantId, order.CustomerId, new CatalogItemRef(order.ItemKind, order.ItemId, order.ItemKind == OrderItemKind.RechargePlan ? order.AmountDue : null), IssueSource.PaidOrder, order.Id, null),
            cancellationToken);
        if (!issued.IsSuccess)
        {
            LogNotIssued(logger, order.Id, command.ProviderReference, command.Amount, command.Currency, issued.Error!.Message);
            return issued.Error!;
        }

        return Outcome<SettlementResult>.Ok(new SettlementResult(order.Id, Settlement.Paid, issued.Value!.Id));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification {Reference} names unknown order {OrderId}")]
    private static partial void LogUnknownOrder(ILogger logger, Guid orderId, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {Reference} of {Amount} {Currency} for order {OrderId} (due {Due} {DueCurrency}, {Status}) refused: {Reason} The payment must be refunded to the customer.")]
    private static partial void LogRefused(ILogger logger, Guid orderId, string reference, long amount, string currency, long due, string dueCurrency, OrderStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {Reference} of {Amount} {Currency} for order {OrderId} was received at {ReceivedAt}, after the order closed at {ClosesAt} (the provider says {ProviderPaidAt}): nothing was issued. The payment must be refunded to the customer.")]
    private static partial void LogRefundDue(ILogger logger, Guid orderId, string reference, long amount, string currency, DateTimeOffset receivedAt, DateTimeOffset closesAt, DateTimeOffset? providerPaidAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was paid by {First} and again by {Second} ({Amount} {Currency}): the second payment must be refunded.")]
    private static partial void LogSecondPayment(ILogger logger, Guid orderId, string? first, string second, long amount, string currency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {Reference} of {Amount} {Currency} for order {OrderId} could not be honoured: {Reason} The payment must be refunded to the customer.")]
    private static partial void LogNotIssued(ILogger logger, Guid orderId, string reference, long amount, string currency, string reason);
}
