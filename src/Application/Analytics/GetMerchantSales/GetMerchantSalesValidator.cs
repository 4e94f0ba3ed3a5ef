using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantSales;

/// <summary>
/// A range runs forwards and is bounded by its granularity, so one request reads a bounded number of days:
/// a leap year by day, two years by week, five years by month.
/// </summary>
public sealed class GetMerchantSalesValidator : IValidator<GetMerchantSalesQuery>
{
    public static int MaxDays(SalesGranularity granularity) => granularity switch
    {
        SalesGranularity.Week => 731,
        SalesGranularity.Month => 1_827,
        _ => 366,
    };

    public IEnumerable<Error> Validate(GetMerchantSalesQuery query) => ValidateRange(query.From, query.To, query.Granularity);

    /// <summary>The rule every sales report's range follows, the platform's too.</summary>
    public static IEnumerable<Error> ValidateRange(DateOnly from, DateOnly to, SalesGranularity granularity)
    {
        if (from > to)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = to.DayNumber - from.DayNumber + 1;
        var max = MaxDays(granularity);
        if (days > max)
        {
            yield return Error.Invalid(
                $"A {granularity.ToString().ToUpperInvariant()} report covers at most {max} days; this range has {days}.", "to");
        }
    }
}
