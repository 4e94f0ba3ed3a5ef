using CodeScan.Application.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>Sign-in codes, the SMS sender, refresh tokens and rate limits (issue 3).</summary>
    public static IServiceCollection AddIdentityServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked when the host starts, before it listens: outside Development a real pepper and a real
        // SMS gateway are required (the `migrate` and `print-schema` commands never start the host).
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section)).ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());

        services.AddHttpContextAccessor();
        services.AddHttpClient(WebhookSmsSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<DevelopmentSmsOutbox>();
        services.AddSingleton<ISmsSender>(CreateSmsSender);
        services.AddSingleton<ISignInCodes, HmacSignInCodes>();
        services.AddSingleton<IAccessTokenLifetime, JwtAccessTokenLifetime>();
        services.AddScoped<IRequestContext, HttpRequestContext>();
        services.AddScoped<IIdentityStore, EfIdentityStore>();
        return services;
    }

    private static ISmsSender CreateSmsSender(IServiceProvider services)
    {
        var sms = services.GetRequiredService<IOptions<SmsOptions>>().Value;
        if (sms.IsWebhookConfigured)
        {
            return ActivatorUtilities.CreateInstance<WebhookSmsSender>(services);
        }

        return services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            ? new DevelopmentSmsSender(services.GetRequiredService<DevelopmentSmsOutbox>(), services.GetRequiredService<ILogger<DevelopmentSmsSender>>())
            : throw new InvalidOperationException(SmsOptionsValidator.MissingWebhook);
    }
}
