using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Records.ExportMerchantRecords;

/// <summary>
/// A range runs forwards and covers at most a year and a day of local dates: records are read one by one, not
/// from daily rollups, so a BI tool asks for a longer history a year at a time.
/// </summary>
public sealed class ExportMerchantRecordsValidator : IValidator<ExportMerchantRecordsQuery>
{
    public const int MaxDays = 366;

    public IEnumerable<Error> Validate(ExportMerchantRecordsQuery query)
    {
        if (query.From > query.To)
        {
            yield return Error.Invalid("'from' must not be later than 'to'.", "from");
            yield break;
        }

        var days = query.To.DayNumber - query.From.DayNumber + 1;
        if (days > MaxDays)
        {
            yield return Error.Invalid($"An export of records covers at most {MaxDays} days; this range has {days}.", "to");
        }
    }
}
