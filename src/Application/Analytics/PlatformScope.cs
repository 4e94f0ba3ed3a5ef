using System.Collections.Concurrent;
using System.Text;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics;

/// <summary>
/// The platform's figures are kept beside every merchant's, in the same stores, as one more "merchant" per
/// currency (figures in different currencies never add up). Its id is all zeros but for the currency code's
/// letters at the end (<c>00000000-0000-0000-0000-000000434e59</c> is CNY), which no merchant id, random as
/// they all are, ever is.
/// </summary>
public static class PlatformScope
{
    private static readonly ConcurrentDictionary<string, Guid> Ids = new(StringComparer.Ordinal);

    public static Guid Of(string currency) => Ids.GetOrAdd(currency, IdOf);

    /// <summary>Why a platform report cannot be asked in <paramref name="currency"/>, or null when it can.</summary>
    public static Error? CurrencyError(string currency) =>
        Currencies.IsSupported(currency)
            ? null
            : Error.Invalid($"The platform trades in {string.Join(", ", Currencies.Supported)}; '{currency}' is not one of them.", "currency");

    private static Guid IdOf(string currency)
    {
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("A currency is three upper-case letters (ISO 4217).", nameof(currency));
        }

        return Guid.Parse("00000000-0000-0000-0000-000000" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes(currency)));
    }
}
