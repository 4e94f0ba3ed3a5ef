using CodeScan.Application.Issuance;
using CodeScan.Application.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Payments;

public static class PaymentServices
{
    /// <summary>The payment gateway, the webhook's secret, order expiry and the issuance path (issue 4).</summary>
    public static IServiceCollection AddPaymentServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateOnStart();
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>());

        services.AddHttpClient(SimulatedPaymentProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<SimulatedPaymentProvider>();
        services.AddSingleton<PaymentWebhookVerifier>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? ActivatorUtilities.CreateInstance<SimulatedPaymentGateway>(sp)
            : new UnavailablePaymentGateway());
        services.AddHostedService<OrderExpiryService>();

        // An application service (it only uses application ports); registered here so issue 4 stays in one
        // composition line. It belongs in AddApplication.
        return services;
    }
}

/// <summary>
/// Refuses nonsense anywhere. Outside Development the simulated provider and the development secret are
/// never used: purchases fail and the webhook answers 503 (see <see cref="PaymentWebhookVerifier"/>).
/// </summary>
internal sealed class PaymentOptionsValidator : IValidateOptions<PaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentOptions options)
    {
        var failures = new List<string>();
        if (options.Provider != PaymentOptions.SimulatedProvider)
        {
            failures.Add($"Payments:Provider '{options.Provider}' is not supported; only '{PaymentOptions.SimulatedProvider}' exists so far.");
        }

        if (options.WebhookSecret is not { Length: >= 32 })
        {
            failures.Add("Payments:WebhookSecret must be at least 32 characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.WebhookBaseUrl) && !Uri.TryCreate(options.WebhookBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Payments:WebhookBaseUrl must be an absolute URL.");
        }

        if (options.ExpiryInterval <= TimeSpan.Zero || options.SimulatedDelay < TimeSpan.Zero || options.SignatureTolerance <= TimeSpan.Zero)
        {
            failures.Add("Payments:ExpiryInterval and Payments:SignatureTolerance must be positive, Payments:SimulatedDelay not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Outside Development, until a real provider is plugged in: no payment can start.</summary>
internal sealed class UnavailablePaymentGateway : IPaymentGateway
{
    public Task<PaymentSession> StartAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No payment provider is configured: the simulated provider runs in Development only.");
}
