namespace CodeScan.Infrastructure.QrCodes;

/// <summary>Configuration section "Qr".</summary>
public sealed class QrCodeOptions
{
    public const string Section = "Qr";

    /// <summary>The development key. The service refuses to start with it outside Development.</summary>
    public const string DevelopmentSigningKey = "codescan-development-qr-signing-key-not-for-production-0123456789";

    public const int MinSigningKeyLength = 32;

    /// <summary>Where the landing page is served; printed into every QR code, so it must outlive the prints.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The HMAC-SHA256 key. Changing it voids every printed code at once.</summary>
    public string SigningKey { get; set; } = DevelopmentSigningKey;
}
