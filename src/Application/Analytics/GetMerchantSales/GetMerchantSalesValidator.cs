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

    public IEnumerable<Error> Validate(GetMerchantSalesQuery query)
    {
        if (query.From > query.To)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = query.To.DayNumber - query.From.DayNumber + 1;
        var max = MaxDays(query.Granularity);
        if (days > max)
        {
            yield return Error.Invalid(
                $"A {query.Granularity.ToString().ToUpperInvariant()} report covers at most {max} days; this range has {days}.", "to");
        }
    }
}
