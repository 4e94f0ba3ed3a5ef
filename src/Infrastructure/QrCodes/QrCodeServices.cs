using CodeScan.Application.QrCodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.QrCodes;

public static class QrCodeServices
{
    /// <summary>Signing and rendering of merchant QR codes (DESIGN §6). The options are checked when the host starts.</summary>
    public static IServiceCollection AddQrCodeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QrCodeOptions>().Bind(configuration.GetSection(QrCodeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QrCodeOptions>, QrCodeOptionsValidator>();
        services.AddSingleton<IMerchantQrCodes, SignedMerchantQrCodes>();
        services.AddSingleton<IQrCodeRenderer, QRCoderRenderer>();
        return services;
    }
}
