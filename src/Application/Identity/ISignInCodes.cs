using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity;

/// <summary>Makes one-time codes and the keyed hashes that are all the database ever holds of them.</summary>
public interface ISignInCodes
{
    /// <summary>A fresh 6-digit code from a cryptographic random source.</summary>
    string Generate();

    /// <summary>The keyed hash stored for a code sent to <paramref name="phone"/>.</summary>
    string Hash(PhoneNumber phone, string code);

    /// <summary>Whether <paramref name="code"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    bool Matches(string storedHash, PhoneNumber phone, string code);
}
