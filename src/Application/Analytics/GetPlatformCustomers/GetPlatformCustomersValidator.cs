using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetPlatformCustomers;

/// <summary>A currency the platform trades in, and a range bounded as a merchant's customer report is.</summary>
public sealed class GetPlatformCustomersValidator : IValidator<GetPlatformCustomersQuery>
{
    public IEnumerable<Error> Validate(GetPlatformCustomersQuery query) =>
        PlatformScope.CurrencyError(query.Currency) is { } currency
            ? [currency]
            : GetMerchantCustomersValidator.ValidateRange(query.From, query.To, query.Granularity);
}
