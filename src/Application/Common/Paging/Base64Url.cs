using System.Text;

namespace CodeScan.Application.Common.Paging;

/// <summary>
/// Opaque ids and cursors as clients see them: UTF-8 text in base64url without padding, safe in URLs and JSON.
/// Used by the global ids (Api/GraphQL/GlobalId) and the alert cursors.
/// </summary>
public static class Base64Url
{
    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text behind an id of at most <paramref name="maxLength"/> characters, or null when it is none.</summary>
    public static string? TryDecode(string? encoded, int maxLength = 100)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > maxLength)
        {
            return null;
        }

        var base64 = encoded.Replace('-', '+').Replace('_', '/');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
