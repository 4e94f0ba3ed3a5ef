using System.Security.Cryptography;
using System.Text;

namespace CodeScan.Application.Identity;

/// <summary>Refresh token values: 32 random bytes, base64url; only their SHA-256 is stored.</summary>
public static class RefreshTokenValues
{
    /// <summary>Longer than any value <see cref="New"/> makes (43 characters), shorter than anything abusive.</summary>
    public const int MaxLength = 128;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
