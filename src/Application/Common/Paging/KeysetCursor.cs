using System.Globalization;
using System.Text;

namespace CodeScan.Application.Common.Paging;

/// <summary>
/// An opaque page cursor for lists ordered by (instant, id): base64 of "utc-ticks:id". Lists that page
/// this way stay stable while new rows arrive.
/// </summary>
public static class KeysetCursor
{
    public static string Format(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id:N}"));

    public static bool TryParse(string? cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return false;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out id))
            {
                at = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }

            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses a cursor a client sent, or refuses it as bad input; null means "from the start".</summary>
    public static (DateTimeOffset At, Guid Id)? ParseOrRefuse(string? cursor) =>
        cursor is null ? null
        : TryParse(cursor, out var at, out var id) ? (at, id)
        : throw new Security.InvalidQueryInputException("'after' is not a cursor returned by this API.");
}
