namespace CodeScan.Application.Orders;

/// <summary>
/// The payment provider. Starting a payment only asks the provider for a session the client hands to its
/// SDK; the provider later tells us the outcome through the signed webhook, and only that settles an order.
/// </summary>
public interface IPaymentGateway
{
    Task<PaymentSession> StartAsync(PaymentRequest request, CancellationToken cancellationToken);
}

public sealed record PaymentRequest(Guid OrderId, long Amount, string Currency, string Description, DateTimeOffset PayBy);

/// <summary>What a client hands to the provider's SDK to pay.</summary>
public sealed record PaymentSession(string Provider, string SessionId, string ClientSecret, DateTimeOffset ExpiresAt);

/// <summary>Configuration the application reads: how long a customer has to pay.</summary>
public sealed class OrderOptions
{
    public const string Section = "Payments";

    public TimeSpan TimeToPay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after the pay-by time a payment notification received by the service still pays the order (the
    /// provider's delivery can lag the customer's payment); after it the order expires, and a payment received
    /// later is refused for a refund.
    /// </summary>
    public TimeSpan LatePaymentGrace { get; set; } = TimeSpan.FromMinutes(5);
}
