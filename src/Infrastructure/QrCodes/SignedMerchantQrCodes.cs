using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeScan.Application.QrCodes;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.QrCodes;

/// <summary>
/// <c>{PublicBaseUrl}/s/{code}?v={version}&amp;sig={signature}</c>, where the signature is base64url of the
/// first 128 bits of HMAC-SHA256 over <c>"{code}.{version}"</c>: short enough for a small, robust QR code,
/// long enough that guessing one is hopeless. Compared in constant time.
/// </summary>
internal sealed class SignedMerchantQrCodes : IMerchantQrCodes
{
    private const int SignatureBytes = 16;

    private static readonly Error Malformed = new(ErrorCode.QrCodeMalformed, "This is not a CodeScan merchant QR code.", "qr");
    private static readonly Error Forged = new(ErrorCode.QrCodeSignatureInvalid, "This QR code has been altered and cannot be trusted.", "qr");

    private readonly byte[] _key;
    private readonly Uri _base;
    private readonly string _landingPath;

    public SignedMerchantQrCodes(IOptions<QrCodeOptions> options)
    {
        _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);
        _base = new Uri(options.Value.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        _landingPath = _base.AbsolutePath + "s/";
    }

    public string PayloadFor(MerchantCode code, int version)
    {
        var v = version.ToString(CultureInfo.InvariantCulture);
        return $"{_base.GetLeftPart(UriPartial.Authority)}{_landingPath}{code.Value}?v={v}&sig={Base64Url.EncodeToString(Sign(code.Value, v))}";
    }

    public Result<QrCodeClaim> Read(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload)
            || payload.Length > IMerchantQrCodes.MaxPayloadLength
            || !Uri.TryCreate(payload.Trim(), UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, _base.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Host, _base.Host, StringComparison.OrdinalIgnoreCase)
            || uri.Port != _base.Port
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !uri.AbsolutePath.StartsWith(_landingPath, StringComparison.Ordinal))
        {
            return Malformed;
        }

        var query = QueryHelpers.ParseQuery(uri.Query);
        if (query.Count != 2 || !query.TryGetValue("v", out var version) || !query.TryGetValue("sig", out var signature)
            || version.Count != 1 || signature.Count != 1)
        {
            return Malformed;
        }

        return Read(uri.AbsolutePath[_landingPath.Length..], version[0], signature[0]);
    }

    public Result<QrCodeClaim> Read(string? code, string? version, string? signature)
    {
        var merchantCode = MerchantCode.Parse(code);
        if (!merchantCode.IsSuccess
            || version is not { Length: > 0 and <= 9 }
            || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1
            || number.ToString(CultureInfo.InvariantCulture) != version
            || string.IsNullOrEmpty(signature))
        {
            return Malformed;
        }

        // Compared as text, so a second spelling of the same bits (base64's spare low bits) is not accepted either.
        var expected = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(Sign(merchantCode.Value!.Value, version)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected))
        {
            return Forged;
        }

        return new QrCodeClaim(merchantCode.Value!, number);
    }

    private byte[] Sign(string code, string version) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{code}.{version}"))[..SignatureBytes];
}
