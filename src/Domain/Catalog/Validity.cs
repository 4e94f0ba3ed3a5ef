using CodeScan.Domain.Common;

namespace CodeScan.Domain.Catalog;

/// <summary>
/// How long an issued card or coupon can be used: a number of days from issue, or a fixed window
/// (a start, optional for cards, and an end). Copied onto each instrument when it is issued.
/// </summary>
public sealed record Validity(int? Days, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt)
{
    public const int MaxDays = 3650;

    public static Result<Validity> Create(int? days, DateTimeOffset? startsAt, DateTimeOffset? endsAt)
    {
        if (days is not null)
        {
            if (startsAt is not null || endsAt is not null)
            {
                return Error.Invalid("Give either a number of days or a window, not both.", "validity");
            }

            return days is >= 1 and <= MaxDays
                ? new Validity(days, null, null)
                : Error.Invalid($"Validity days must be between 1 and {MaxDays}.", "validity");
        }

        if (endsAt is null)
        {
            return Error.Invalid("A validity needs a number of days or an end.", "validity");
        }

        if (startsAt is not null && endsAt <= startsAt)
        {
            return Error.Invalid("The validity window ends before it starts.", "validity");
        }

        return new Validity(null, startsAt, endsAt);
    }

    /// <summary>The window an instrument issued at <paramref name="issuedAt"/> is usable in.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) For(DateTimeOffset issuedAt) =>
        Days is { } days ? (issuedAt, issuedAt.AddDays(days)) : (StartsAt ?? issuedAt, EndsAt!.Value);

    /// <summary>Whether an instrument issued now could still be used at all.</summary>
    public bool IsOver(DateTimeOffset now) => EndsAt is { } end && end <= now;
}
