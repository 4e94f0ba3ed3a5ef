using System.Collections.Concurrent;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Tests.Common;

/// <summary>
/// The ids every entity and event gets (<see cref="NewId"/>): UUID version 7, time first, then random bits drawn
/// from a buffer of cryptographic randomness — unique across threads, ordered by their millisecond, and unguessable
/// within it.
/// </summary>
public sealed class NewIdTests
{
    [Fact]
    public void Next_IsVersion7WithItsMillisecondFirst()
    {
        var at = new DateTimeOffset(2026, 12, 4, 21, 3, 7, 123, TimeSpan.Zero);
        var bytes = NewId.Next(at).ToByteArray(bigEndian: true);

        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(Convert.ToHexString(bytes, 0, 6), 16));
        Assert.Equal(0x70, bytes[6] & 0xF0);
        Assert.Equal(0x80, bytes[8] & 0xC0);
        Assert.Equal(7, NewId.Next().Version);
        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(NewId.Next(at).ToString("N")[..12], 16));
    }

    [Fact]
    public void Next_OrdersByMillisecond_AsText()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 2_000).Select(i => NewId.Next(start.AddMilliseconds(i * 3))).ToList();

        Assert.Equal(ids.Select(i => i.ToString()).Order(StringComparer.Ordinal), ids.Select(i => i.ToString()));
    }

    [Fact]
    public void Next_FromManyThreadsAtOnce_NeverRepeatsAndEveryRandomBitVaries()
    {
        var at = DateTimeOffset.UtcNow;
        var seen = new ConcurrentDictionary<Guid, byte>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            // More than one buffer's worth per thread, so refills are crossed too.
            for (var i = 0; i < 25_000; i++)
            {
                Assert.True(seen.TryAdd(NewId.Next(at), 0));
            }
        });

        Assert.Equal(200_000, seen.Count);

        // All share one millisecond: what tells them apart is the 74 random bits, each seen both as 0 and as 1.
        var ones = new int[128];
        foreach (var id in seen.Keys.Take(4_000))
        {
            var bytes = id.ToByteArray(bigEndian: true);
            for (var bit = 0; bit < 128; bit++)
            {
                ones[bit] += (bytes[bit / 8] >> (7 - (bit % 8))) & 1;
            }
        }

        var randomBits = Enumerable.Range(52, 12).Concat(Enumerable.Range(66, 62));
        Assert.All(randomBits, bit => Assert.InRange(ones[bit], 1_600, 2_400));
    }

    [Fact]
    public void Next_BeforeTheUnixEpoch_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewId.Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
}
