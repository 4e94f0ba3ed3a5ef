using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CodeScan.Infrastructure.Payments;

/// <summary>
/// How provider notifications are signed: <c>X-CodeScan-Signature: sha256=&lt;hex&gt;</c>, an HMAC-SHA256
/// with <c>Payments:WebhookSecret</c> over <c>"{X-CodeScan-Timestamp}.{body}"</c> (unix seconds), as the
/// SMS webhook does. Checked in constant time; a stale timestamp is refused so a captured request cannot
/// be replayed later.
/// </summary>
public static class PaymentWebhookSignature
{
    public const string SignatureHeader = "X-CodeScan-Signature";
    public const string TimestampHeader = "X-CodeScan-Timestamp";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    public static bool IsValid(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Mac(secret, timestamp, body);
        var fresh = (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance;
        return CryptographicOperations.FixedTimeEquals(given, expected) && fresh;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
