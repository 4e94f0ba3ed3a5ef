using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

public sealed class GetMerchantAlertsValidator : IValidator<GetMerchantAlertsQuery>
{
    private const int MaxPage = GetMerchantAlertsHandler.MaxPage;

    public IEnumerable<Error> Validate(GetMerchantAlertsQuery query)
    {
        if (query.After is not null && !AlertCursor.TryParse(query.After, out _))
        {
            yield return Error.Invalid("'after' is not a cursor returned by this API.", "after");
        }

        if (Rules.PageSize(query.First, MaxPage) is { } pageSize)
        {
            yield return pageSize;
        }

        if (query.Last is not null && (query.Last is < 1 or > MaxPage || query.After is not null))
        {
            yield return Error.Invalid($"'last' must be between 1 and {MaxPage}, without 'after'.", "last");
        }
    }
}
