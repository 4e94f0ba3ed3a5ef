using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts.WatchMerchantAlerts;

public sealed class WatchMerchantAlertsValidator : IValidator<WatchMerchantAlertsQuery>
{
    public IEnumerable<Error> Validate(WatchMerchantAlertsQuery query)
    {
        if (query.After is not null && !AlertCursor.TryParse(query.After, query.MerchantId.Value, out _))
        {
            yield return Error.Invalid("'after' is not the id of one of this merchant's alerts.", "after");
        }
    }
}
