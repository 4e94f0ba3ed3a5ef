using System.Globalization;
using System.Text;
using CodeScan.Application.Common.Security;

namespace CodeScan.Application.Records;

/// <summary>
/// An opaque cursor for record lists: base64 of "record:position". Records are ordered by event-log
/// position alone, which is unique and grows with each commit, so paging older entries stays stable
/// while new ones arrive at the head.
/// </summary>
public static class RecordCursor
{
    private const string Prefix = "record:";

    public static string Format(long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position to list below, or <see cref="long.MaxValue"/> for the first page; a foreign cursor is bad input.</summary>
    public static long ParseOrRefuse(string? cursor)
    {
        if (cursor is null)
        {
            return long.MaxValue;
        }

        if (cursor.Length <= 64)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
                if (text.StartsWith(Prefix, StringComparison.Ordinal)
                    && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                    && position > 0)
                {
                    return position;
                }
            }
            catch (FormatException)
            {
                // Not base64: refused below like any other foreign cursor.
            }
        }

        throw new InvalidQueryInputException("'after' is not a cursor returned by this API.");
    }
}
