using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Alerts.GetMerchantAlerts;

public sealed class GetMerchantAlertsValidator : IValidator<GetMerchantAlertsQuery>
{
    private const int MaxPage = GetMerchantAlertsHandler.MaxPage;

    public IEnumerable<Error> Validate(GetMerchantAlertsQuery query)
    {
        foreach (var (cursor, name) in new[] { (query.After, "after"), (query.Before, "before") })
        {
            if (cursor is not null && !AlertCursor.TryParse(cursor, query.MerchantId.Value, out _))
            {
                yield return Error.Invalid($"'{name}' is not the id of one of this merchant's alerts.", name);
            }
        }

        if (Rules.PageSize(query.First, MaxPage) is { } pageSize)
        {
            yield return pageSize;
        }

        if (query.Last is not null && (query.Last is < 1 or > MaxPage || query.After is not null))
        {
            yield return Error.Invalid($"'last' must be between 1 and {MaxPage}, without 'after'.", "last");
        }

        if (query.Before is not null && query.Last is null)
        {
            yield return Error.Invalid("'before' pages back: it goes with 'last'.", "before");
        }
    }
}
