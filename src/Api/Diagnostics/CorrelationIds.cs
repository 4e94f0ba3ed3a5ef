using System.Buffers.Binary;
using System.Collections;
using System.Security.Cryptography;

namespace CodeScan.Api.Diagnostics;

/// <summary>
/// Every request carries a correlation id: the caller's <c>X-Correlation-Id</c> when it is sane (1 to 64 letters,
/// digits, '-', '_', '.', ':'), otherwise a new one (32 hex digits). It is echoed in the response header, held in
/// the log scope of everything the request logs, and carried by an internal error's <c>extensions.correlationId</c>,
/// so an operator finds the details of the error a client reports.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 64;

    /// <summary>This process's half of every id it makes: random, so ids from different nodes do not meet.</summary>
    private static readonly ulong Node = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <summary>Where this process's count starts: random, so an id does not tell how many requests the node served.</summary>
    private static long _issued = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(long)));

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CodeScan.Api.Requests");
        return app.Use(async (http, next) =>
        {
            var given = http.Request.Headers[Header];
            var id = (given.Count == 1 ? Sane(given[0]) : null) ?? New();
            http.TraceIdentifier = id;
            http.RequestServices.GetRequiredService<RequestCorrelation>().Id = id;
            http.Response.Headers[Header] = id;
            using (logger.BeginScope(new Scope(id)))
            {
                await next(http);
            }
        });
    }

    /// <summary>
    /// A new id: this process's random half, then its count mixed by a bijection (so still unique, but neither in order
    /// nor telling the node's traffic). Unique without asking the system for randomness on every request (a random
    /// GUID per request cost a system call each, several percent of a read's time).
    /// </summary>
    public static string New()
    {
        var sequence = Mix((ulong)Interlocked.Increment(ref _issued));
        return string.Create(32, sequence, static (chars, sequence) =>
        {
            Node.TryFormat(chars, out _, "x16");
            sequence.TryFormat(chars[16..], out _, "x16");
        });
    }

    /// <summary>SplitMix64's finalizer: each step (xor with a shift, multiplication by an odd number) can be undone, so no two counts meet.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    /// <summary>The id a caller sent, or null when it is missing, too long or has characters a log should not hold.</summary>
    public static string? Sane(string? given)
    {
        if (given is not { Length: > 0 and <= MaxLength })
        {
            return null;
        }

        foreach (var c in given)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                return null;
            }
        }

        return given;
    }

    /// <summary>The log scope: one named value, <c>CorrelationId</c>, as structured-logging providers expect.</summary>
    private sealed class Scope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "CorrelationId:" + id;
    }
}

/// <summary>The correlation id of the request this scope serves; a fresh one where no HTTP request set it.</summary>
public sealed class RequestCorrelation
{
    private string? _id;

    public string Id
    {
        get => _id ??= CorrelationIds.New();
        set => _id = value;
    }
}
