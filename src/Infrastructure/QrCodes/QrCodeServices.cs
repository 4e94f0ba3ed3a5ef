using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Infrastructure.QrCodes;

public static class QrCodeServices
{
    /// <summary>Signing and rendering of merchant QR codes (issue 3).</summary>
    public static IServiceCollection AddQrCodeServices(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
