using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;

namespace CodeScan.Application.QrCodes;

/// <summary>
/// The signed payload printed in a merchant's QR code: <c>{PublicBaseUrl}/s/{code}?v={version}&amp;sig={hmac}</c>
/// (DESIGN §6). Only the signature is checked here; whether the version is current and the merchant may
/// trade is the write model's to say (<see cref="MerchantQrCodeCheck"/>).
/// </summary>
public interface IMerchantQrCodes
{
    /// <summary>At most this many characters are read; anything longer is not one of our codes.</summary>
    public const int MaxPayloadLength = 512;

    /// <summary>The URL to print for this merchant code and QR version.</summary>
    string PayloadFor(MerchantCode code, int version);

    /// <summary>
    /// Reads what a camera saw: <c>QR_CODE_MALFORMED</c> unless it is our URL with a merchant code, a version
    /// and a signature; <c>QR_CODE_SIGNATURE_INVALID</c> when the signature does not match.
    /// </summary>
    Result<QrCodeClaim> Read(string? payload);

    /// <summary>The same checks on the parts of a landing-page request (<c>/s/{code}?v=&amp;sig=</c>).</summary>
    Result<QrCodeClaim> Read(string? code, string? version, string? signature);
}

/// <summary>An authentic QR code: this merchant code, printed at this QR version.</summary>
public sealed record QrCodeClaim(MerchantCode Code, int Version);
