using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetMerchantCustomers;

/// <summary>The ranges of <c>merchantSales</c>: forwards, a leap year by day, two years by week, five years by month.</summary>
public sealed class GetMerchantCustomersValidator : IValidator<GetMerchantCustomersQuery>
{
    public IEnumerable<Error> Validate(GetMerchantCustomersQuery query)
    {
        if (query.From > query.To)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = query.To.DayNumber - query.From.DayNumber + 1;
        var max = GetMerchantSalesValidator.MaxDays(query.Granularity);
        if (days > max)
        {
            yield return Error.Invalid(
                $"A {query.Granularity.ToString().ToUpperInvariant()} customer report covers at most {max} days; this range has {days}.", "to");
        }
    }
}
