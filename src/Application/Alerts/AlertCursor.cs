using System.Globalization;

namespace CodeScan.Application.Alerts;

/// <summary>An alert id as a cursor: the alert's position, in plain digits.</summary>
public static class AlertCursor
{
    public static bool TryParse(string cursor, out long position) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out position);

    /// <summary>The position of a cursor the validator has accepted.</summary>
    public static long Parse(string cursor) => long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
}
