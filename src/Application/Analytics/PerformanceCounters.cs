using System.Globalization;
using CodeScan.Domain.Instruments;

namespace CodeScan.Application.Analytics;

/// <summary>
/// The counter names of the performance rollups: <c>{row}.{measure}</c>, the row a template or product id (a
/// merchant's rollups) or an <see cref="PerformanceItemKind"/> (the platform's). Amounts are minor units.
/// </summary>
public static class PerformanceCounters
{
    public const string IssuedAmount = "iss.amount";
    public const string Redeemed = "red";
    public const string RedeemedBill = "red.bill";
    public const string RedeemedDiscount = "red.discount";
    public const string RedeemedUses = "red.uses";
    public const string Reversed = "rev";
    public const string ReversedRefund = "rev.refund";
    public const string ReversedUses = "rev.uses";

    /// <summary>On the day of issue: instruments issued that day that have been used since (less those given back whole).</summary>
    public const string Cohort = "coh";

    public static string Issued(IssueSource source) => "iss." + source;

    public static string ItemKey(Guid itemId) => itemId.ToString("N");

    public static string Name(string row, string measure) => row + "." + measure;

    /// <summary>A field of the expiry detail: the row and the second the instruments expire.</summary>
    public static string ExpiryDetail(string row, DateTimeOffset expiresAt) =>
        row + "@" + expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits an expiry detail field into its row and instant.</summary>
    public static (string Row, DateTimeOffset ExpiresAt) ParseExpiryDetail(string field)
    {
        var at = field.LastIndexOf('@');
        return (field[..at], DateTimeOffset.FromUnixTimeSeconds(long.Parse(field[(at + 1)..], CultureInfo.InvariantCulture)));
    }

    /// <summary>Splits a local counter into its row and measure.</summary>
    public static (string Row, string Measure) Parse(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (name[..dot], name[(dot + 1)..]);
    }
}
