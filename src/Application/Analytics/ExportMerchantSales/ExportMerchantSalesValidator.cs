using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.ExportMerchantSales;

/// <summary>A range runs forwards and covers at most ten years of days (an export streams, so it may be longer than a report).</summary>
public sealed class ExportMerchantSalesValidator : IValidator<ExportMerchantSalesQuery>
{
    public const int MaxDays = 3_660;

    public IEnumerable<Error> Validate(ExportMerchantSalesQuery query)
    {
        if (query.From > query.To)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = query.To.DayNumber - query.From.DayNumber + 1;
        if (days > MaxDays)
        {
            yield return Error.Invalid($"An export covers at most {MaxDays} days; this range has {days}.", "to");
        }
    }
}
