using CodeScan.Application.Orders;

namespace CodeScan.Infrastructure.Payments;

/// <summary>The payment-gateway port on the simulated provider.</summary>
internal sealed class SimulatedPaymentGateway(SimulatedPaymentProvider provider) : IPaymentGateway
{
    public Task<PaymentSession> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        var reference = "sim_" + Guid.NewGuid().ToString("N");
        provider.Begin(request.OrderId, reference, request.Amount, request.Currency);
        var session = new PaymentSession(PaymentOptions.SimulatedProvider, reference, "sim_secret_" + Guid.NewGuid().ToString("N"), request.PayBy);
        return Task.FromResult(session);
    }
}
