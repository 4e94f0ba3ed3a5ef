using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;

/// <summary>A range runs forwards and covers at most a leap year, so one request reads a bounded number of days.</summary>
public sealed class GetMerchantInstrumentPerformanceValidator : IValidator<GetMerchantInstrumentPerformanceQuery>
{
    public const int MaxDays = 366;

    public IEnumerable<Error> Validate(GetMerchantInstrumentPerformanceQuery query)
    {
        if (query.From > query.To)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = query.To.DayNumber - query.From.DayNumber + 1;
        if (days > MaxDays)
        {
            yield return Error.Invalid($"A performance report covers at most {MaxDays} days; this range has {days}.", "to");
        }
    }
}
