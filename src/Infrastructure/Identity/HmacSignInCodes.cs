using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeScan.Application.Identity;
using CodeScan.Domain.Common;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// Codes from the operating system's CSPRNG; stored as HMAC-SHA256 over phone and code with a pepper
/// from configuration, so a leaked table cannot be brute-forced (a million codes) without the key.
/// </summary>
internal sealed class HmacSignInCodes(IOptions<IdentityOptions> options) : ISignInCodes
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.CodePepper);

    public string Generate() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public string Hash(PhoneNumber phone, string code) => Convert.ToHexStringLower(Compute(phone, code));

    public bool Matches(string storedHash, PhoneNumber phone, string code)
    {
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(stored, Compute(phone, code));
    }

    private byte[] Compute(PhoneNumber phone, string code) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(phone.Value + ":" + code));
}
