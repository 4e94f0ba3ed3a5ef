using System.Text;

namespace CodeScan.Api.GraphQL;

/// <summary>
/// Relay global ids: base64url of "Type:guid", so `node(id)` knows what to load and ids of different
/// types never collide.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 100)
        {
            return false;
        }

        try
        {
            var base64 = globalId.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            typeName = parts[0];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? globalId, string expectedType, out Guid id) =>
        TryDecode(globalId, out var typeName, out id) && typeName == expectedType;
}
