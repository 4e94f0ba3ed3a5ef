using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Application.Issuance;
using CodeScan.Application.Projections;
using CodeScan.Application.Records;
using CodeScan.Application.Redemptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitSettings>();
        AddValidators(services);

        // The one path every card, coupon and recharge is issued through (paid orders, free claims, the counter).
        services.AddScoped<IInstrumentIssuer, InstrumentIssuer>();
        services.AddScoped<ItemQuoter>();
        services.AddScoped<CardIssuer>();
        services.AddScoped<CouponIssuer>();
        services.AddScoped<RechargeIssuer>();
        services.Configure<RedemptionOptions>(configuration.GetSection(RedemptionOptions.Section));
        services.AddScoped<RedemptionDesk>();
        services.AddScoped<Users.UserDirectory>();
        services.AddSingleton<Users.KnownPhones>();
        services.AddScoped<Redemptions.GetQuote.Quotes>();

        // Projections run in this order for every event: the directory first, since alerts read it; then the
        // alert, which a till is waiting to speak; then the wallet (an issuance alert reads the wallet's
        // balance, which issuance does not change).
        services.AddScoped<IProjection, MerchantDirectoryProjection>();
        services.AddScoped<IProjection, MerchantAlertProjection>();
        services.AddScoped<IProjection, WalletProjection>();
        services.AddScoped<IProjection, RecordsProjection>();
        services.AddScoped<IProjection, Analytics.SalesProjection>();
        services.AddScoped<IProjection, Analytics.PerformanceProjection>();
        services.AddScoped<IProjection, Analytics.CustomerProjection>();
        services.AddScoped<IProjection, Analytics.LiabilityProjection>();
        services.AddScoped<IProjection, SessionRevocationProjection>();
        services.AddScoped<IProjection, MerchantAccessProjection>();
        return services;
    }

    /// <summary>Every <see cref="IValidator{T}"/> in this assembly, as a singleton (validators hold no state).</summary>
    private static void AddValidators(IServiceCollection services)
    {
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var validator in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddSingleton(validator, type);
            }
        }
    }
}
