using System.Security.Cryptography;
using System.Text;
using CodeScan.Application.Identity;
using CodeScan.Application.Redemptions;
using CodeScan.Domain.Redemptions;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Redemptions;

/// <summary>
/// Codes from the operating system's CSPRNG, stored as HMAC-SHA256 under the same configured pepper as
/// sign-in codes (with its own label), so the table alone does not give away a live code.
/// </summary>
internal sealed class HmacWriteOffCodes(IOptions<IdentityOptions> options) : IWriteOffCodes
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes("write-off:" + options.Value.CodePepper);

    public string Generate() => string.Create(WriteOffCode.Digits, 0, static (digits, _) =>
    {
        for (var i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
    });

    public string Hash(string code) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(code)));
}
