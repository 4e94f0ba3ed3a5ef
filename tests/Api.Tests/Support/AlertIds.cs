using System.Globalization;
using System.Text;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// What a test may know that a client must not rely on: an alert id is base64url of
/// "MerchantAlert:merchant:position", and the position orders a merchant's alerts.
/// </summary>
public static class AlertIds
{
    public static long Position(string alertId)
    {
        var base64 = alertId.Replace('-', '+').Replace('_', '/');
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        Assert.StartsWith("MerchantAlert:", text, StringComparison.Ordinal);
        return long.Parse(text[(text.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }
}
