using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.QrCodes;

/// <summary>
/// Outside Development a QR code signed with the published development key could be forged, and one
/// printed with a local address leads nowhere: refuse to start. Other settings may be refused alongside
/// (sign-in has its own), so the tests look for the QR settings by name.
/// </summary>
public sealed class QrCodeConfigurationTests
{
    private const string JwtKey = "production-signing-key-0123456789-abcdefghijklmnop";
    private const string QrKey = "production-qr-signing-key-0123456789-abcdefghijklmnop";

    [Theory]
    [InlineData(null, "https://pay.example.com", "Qr:SigningKey")]
    [InlineData("codescan-development-qr-signing-key-not-for-production-0123456789", "https://pay.example.com", "Qr:SigningKey")]
    [InlineData("too-short", "https://pay.example.com", "Qr:SigningKey")]
    [InlineData(QrKey, "http://pay.example.com", "Qr:PublicBaseUrl")]
    [InlineData(QrKey, "not a url", "Qr:PublicBaseUrl")]
    public async Task StartAsync_WhenProductionQrSettingsAreUnsafe_RefusesToStart(string? signingKey, string publicBaseUrl, string named)
    {
        var failure = await StartProductionAsync(signingKey, publicBaseUrl);

        Assert.NotNull(failure);
        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenProductionHasARealKeyAndAnHttpsAddress_HasNoQrComplaint()
    {
        var failure = await StartProductionAsync(QrKey, "https://pay.example.com/codescan");

        Assert.DoesNotContain("Qr:", failure?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<Exception?> StartProductionAsync(string? signingKey, string publicBaseUrl)
    {
        try
        {
            var host = await CodeScanHost.StartAsync(
                HostStores.Create(StoreMode.Embedded),
                s =>
                {
                    s["Jwt:SigningKey"] = JwtKey;
                    s["Qr:PublicBaseUrl"] = publicBaseUrl;
                    if (signingKey is not null)
                    {
                        s["Qr:SigningKey"] = signingKey;
                    }
                },
                "Production");
            await host.DisposeAsync();
            return null;
        }
#pragma warning disable CA1031 // the test inspects whatever refused the start
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }
}
