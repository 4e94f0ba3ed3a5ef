using System.Globalization;
using CodeScan.Application.Common.Paging;

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
        Base64Url.Encode($"{Prefix}{merchantId:N}:{position.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The position a cursor names, if it is one of <paramref name="merchantId"/>'s alert cursors.</summary>
    public static bool TryParse(string cursor, Guid merchantId, out long position)
    {
        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out position))
        {
            return true;
        }

        position = 0;
        var parts = Base64Url.TryDecode(cursor)?.Split(':');
        return parts is { Length: 3 } && parts[0] + ":" == Prefix
            && Guid.TryParseExact(parts[1], "N", out var merchant) && merchant == merchantId
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }

    /// <summary>The position of a cursor the validator has accepted.</summary>
    public static long Parse(string cursor, Guid merchantId) =>
        TryParse(cursor, merchantId, out var position) ? position : throw new FormatException("Not an alert cursor of this merchant.");
}
