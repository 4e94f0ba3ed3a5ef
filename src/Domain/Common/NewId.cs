using System.Security.Cryptography;

namespace CodeScan.Domain.Common;

/// <summary>
/// Time-ordered ids, UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, the version, then 74 random
/// bits — what <see cref="Guid.CreateVersion7()"/> makes, with the random bits taken from a per-thread buffer of
/// cryptographic randomness filled 4 KiB at a time. On Linux the runtime asks the kernel for every new GUID (a read of
/// /dev/urandom, a system call each), and a payment makes three ids (its redemption, transfer and event).
/// </summary>
public static class NewId
{
    private const int RandomBytes = 10;
    private const int BufferSize = 4096 - (4096 % RandomBytes);

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _used;

    /// <summary>A new id stamped with the current time.</summary>
    public static Guid Next() => Next(DateTimeOffset.UtcNow);

    /// <summary>A new id stamped with <paramref name="timestamp"/> (to the millisecond; none before 1970).</summary>
    public static Guid Next(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));

        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        TakeRandom(bytes[6..]);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70); // version 7
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10
        return new Guid(bytes, bigEndian: true);
    }

    private static void TakeRandom(Span<byte> destination)
    {
        var buffer = _random;
        if (buffer is null || _used + destination.Length > buffer.Length)
        {
            buffer = _random ??= new byte[BufferSize];
            RandomNumberGenerator.Fill(buffer);
            _used = 0;
        }

        var taken = buffer.AsSpan(_used, destination.Length);
        taken.CopyTo(destination);
        taken.Clear();
        _used += destination.Length;
    }
}
