using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantCustomers;

/// <summary>The ranges of <c>merchantSales</c>: forwards, a leap year by day, two years by week, five years by month.</summary>
public sealed class GetMerchantCustomersValidator : IValidator<GetMerchantCustomersQuery>
{
    public IEnumerable<Error> Validate(GetMerchantCustomersQuery query) => ValidateRange(query.From, query.To, query.Granularity);

    /// <summary>The rule every customer report's range follows, the platform's too.</summary>
    public static IEnumerable<Error> ValidateRange(DateOnly from, DateOnly to, SalesGranularity granularity)
    {
        if (from > to)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = to.DayNumber - from.DayNumber + 1;
        var max = GetMerchantSalesValidator.MaxDays(granularity);
        if (days > max)
        {
            yield return Error.Invalid(
                $"A {granularity.ToString().ToUpperInvariant()} customer report covers at most {max} days; this range has {days}.", "to");
        }
    }
}
