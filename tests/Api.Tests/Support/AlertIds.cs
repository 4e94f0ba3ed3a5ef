using System.Globalization;
using CodeScan.Application.Common.Paging;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// What a test may know that a client must not rely on: an alert id is base64url of
/// "MerchantAlert:merchant:position", and the position orders a merchant's alerts.
/// </summary>
public static class AlertIds
{
    public static long Position(string alertId)
    {
        var text = Base64Url.TryDecode(alertId) ?? throw new Xunit.Sdk.XunitException($"{alertId} is not base64url.");
        Assert.StartsWith("MerchantAlert:", text, StringComparison.Ordinal);
        return long.Parse(text[(text.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }
}
