using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Orders.SettlePayment;

/// <summary>
/// A payment provider's notification, already authenticated by its signature (the webhook endpoint checks
/// it). Anonymous at the pipeline: the signature is the provider's credential. Not keyed by idempotency:
/// the order's state makes a duplicate harmless, and the provider's reference is unique.
/// </summary>
/// <param name="ProviderTimestamp">When the provider's body says the payment happened: recorded, never trusted.</param>
public sealed record SettlePaymentCommand(Guid OrderId, string ProviderReference, long Amount, string Currency, PaymentStatus Status, DateTimeOffset? ProviderTimestamp)
    : ICommand<Outcome<SettlementResult>>, IAllowAnonymous;

public enum PaymentStatus
{
    Pending,
    Paid,
    Failed,
}

public enum Settlement
{
    /// <summary>The order is now paid and what it bought has been issued.</summary>
    Paid,

    /// <summary>The order was paid before: nothing more happened.</summary>
    AlreadyPaid,

    /// <summary>A pending or failed notification: it changes nothing.</summary>
    Ignored,

    /// <summary>A valid payment received after the order closed (pay-by time and grace): nothing issued, the money must go back.</summary>
    RefundRequired,
}

public sealed record SettlementResult(Guid OrderId, Settlement Settlement, Guid? InstrumentId);
