using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantLiability;

/// <summary>
/// An <c>asOf</c> is a date the platform could have figures for: not before <see cref="Earliest"/>, and not
/// after today anywhere on Earth (the handler then holds it to today in the merchant's own zone).
/// </summary>
public sealed class GetMerchantLiabilityValidator(TimeProvider clock) : IValidator<GetMerchantLiabilityQuery>
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public IEnumerable<Error> Validate(GetMerchantLiabilityQuery query) => ValidateAsOf(query.AsOf, clock);

    /// <summary>The rule every liability report's <c>asOf</c> follows, the platform's too.</summary>
    public static IEnumerable<Error> ValidateAsOf(DateOnly? day, TimeProvider clock)
    {
        if (day is not { } asOf)
        {
            yield break;
        }

        // UTC+14 is the first zone to reach a date.
        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
        if (asOf < Earliest || asOf > latest)
        {
            yield return Error.Invalid($"'asOf' must be a past or present date from {Earliest:yyyy-MM-dd}; {asOf:yyyy-MM-dd} is not.", "asOf");
        }
    }
}
