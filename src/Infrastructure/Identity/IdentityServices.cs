using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>Sign-in codes, the SMS sender, refresh tokens and rate limits (issue 3).</summary>
    public static IServiceCollection AddIdentityServices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
