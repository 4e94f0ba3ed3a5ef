using System.Collections.Concurrent;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Merchants;

/// <summary>
/// The IANA time zone a merchant's days are counted in (its sales by day, week and month). Only IANA ids
/// are taken ("Asia/Shanghai", "America/New_York"): the same id means the same zone on every node.
/// </summary>
public static class MerchantTimeZone
{
    public const string Default = "Asia/Shanghai";
    public const int MaxLength = 64;

    /// <summary>The zone with this IANA id, or an error that says what is expected.</summary>
    public static Result<TimeZoneInfo> Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !zone.HasIanaId)
        {
            return Error.Invalid(
                $"'{Shorten(id)}' is not an IANA time zone id; use one such as {Default} or America/New_York.", "timeZone");
        }

        return zone;
    }

    /// <summary>The zone of an id already accepted by <see cref="Find"/>; the default for one this node does not know.</summary>
    /// <remarks>Looked up once per id and node (a zone's rules do not change while the process runs): the projector asks for every sale.</remarks>
    public static TimeZoneInfo FindOrDefault(string? id) =>
        Accepted.GetOrAdd(id ?? string.Empty, key => Find(key) is { IsSuccess: true } found ? found.Value! : TimeZoneInfo.FindSystemTimeZoneById(Default));

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Accepted = new(StringComparer.Ordinal);

    private static string Shorten(string? id) => id is null ? string.Empty : id.Length > MaxLength ? id[..MaxLength] + "…" : id;
}
