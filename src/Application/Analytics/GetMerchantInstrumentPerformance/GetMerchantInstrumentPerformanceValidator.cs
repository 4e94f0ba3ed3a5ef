using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;

/// <summary>A range runs forwards and covers at most a leap year, so one request reads a bounded number of days.</summary>
public sealed class GetMerchantInstrumentPerformanceValidator : IValidator<GetMerchantInstrumentPerformanceQuery>
{
    public const int MaxDays = 366;

    public IEnumerable<Error> Validate(GetMerchantInstrumentPerformanceQuery query) => ValidateRange(query.From, query.To);

    /// <summary>The rule every performance report's range follows, the platform's too.</summary>
    public static IEnumerable<Error> ValidateRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = to.DayNumber - from.DayNumber + 1;
        if (days > MaxDays)
        {
            yield return Error.Invalid($"A performance report covers at most {MaxDays} days; this range has {days}.", "to");
        }
    }
}
