using System.Globalization;
using System.Text;

namespace CodeScan.Application.Alerts;

/// <summary>
/// An alert's id, which is also its cursor (in <c>merchantAlerts</c>, query and subscription alike): opaque,
/// base64url of "MerchantAlert:merchant:position", so a cursor of one merchant's alerts means nothing for
/// another's. Plain digits (the bare positions ids were before) are still read, so a till that kept one resumes.
/// </summary>
public static class AlertCursor
{
    private const string Prefix = "MerchantAlert:";

    public static string Format(Guid merchantId, long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Prefix}{merchantId:N}:{position.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position a cursor names, if it is one of <paramref name="merchantId"/>'s alert cursors.</summary>
    public static bool TryParse(string cursor, Guid merchantId, out long position)
    {
        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out position))
        {
            return true;
        }

        position = 0;
        if (cursor.Length > 100)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split(':');
            return parts.Length == 3 && parts[0] + ":" == Prefix
                && Guid.TryParseExact(parts[1], "N", out var merchant) && merchant == merchantId
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out position);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The position of a cursor the validator has accepted.</summary>
    public static long Parse(string cursor, Guid merchantId) =>
        TryParse(cursor, merchantId, out var position) ? position : throw new FormatException("Not an alert cursor of this merchant.");
}
