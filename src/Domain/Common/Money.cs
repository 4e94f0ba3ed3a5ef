using System.Globalization;

namespace CodeScan.Domain.Common;

/// <summary>
/// An exact amount in minor units (fen for CNY) of an ISO 4217 currency. Never a float.
/// </summary>
public readonly record struct Money
{
    /// <summary>The largest single amount the platform accepts: 1,000,000.00 in major units.</summary>
    public const long MaxAmountMinorUnits = 100_000_000;

    /// <summary>
    /// The one amount-range rule: null when <paramref name="minorUnits"/> is a single amount the platform
    /// accepts (from 1, or from 0 where nothing may be due, up to <see cref="MaxAmountMinorUnits"/>).
    /// Validators use it to refuse early; the domain uses it again where the amount becomes money.
    /// </summary>
    public static Error? OutOfRange(long minorUnits, string field = "amount", bool zeroAllowed = false)
    {
        var least = zeroAllowed ? 0 : 1;
        return minorUnits >= least && minorUnits <= MaxAmountMinorUnits
            ? null
            : new Error(ErrorCode.AmountOutOfRange, $"'{field}' must be between {least} and {MaxAmountMinorUnits} minor units.", field);
    }

    public Money(long minorUnits, string currency)
    {
        if (!Currencies.IsSupported(currency))
        {
            throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
        }

        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; }

    public string Currency { get; }

    public bool IsPositive => MinorUnits > 0;

    public static Money Zero(string currency) => new(0, currency);

    /// <summary>Formats the amount with exactly the currency's minor digits, e.g. "25.00".</summary>
    public string ToDecimalString() => Format(MinorUnits, Currencies.MinorDigits(Currency));

    public override string ToString() => $"{ToDecimalString()} {Currency}";

    public static string Format(long minorUnits, int minorDigits)
    {
        if (minorDigits == 0)
        {
            return minorUnits.ToString(CultureInfo.InvariantCulture);
        }

        var divisor = 1UL;
        for (var i = 0; i < minorDigits; i++)
        {
            divisor *= 10;
        }

        // Unsigned magnitude: Math.Abs(long.MinValue) would overflow.
        var sign = minorUnits < 0 ? "-" : string.Empty;
        var magnitude = minorUnits < 0 ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
        var fraction = (magnitude % divisor).ToString(CultureInfo.InvariantCulture).PadLeft(minorDigits, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / divisor}.{fraction}");
    }
}
