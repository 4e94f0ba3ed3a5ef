using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetPlatformLiability;

/// <summary>A currency the platform trades in, and an <c>asOf</c> from 2000 to today anywhere on Earth.</summary>
public sealed class GetPlatformLiabilityValidator(TimeProvider clock) : IValidator<GetPlatformLiabilityQuery>
{
    public IEnumerable<Error> Validate(GetPlatformLiabilityQuery query)
    {
        return PlatformScope.CurrencyError(query.Currency) is { } currency
            ? [currency]
            : GetMerchantLiabilityValidator.ValidateAsOf(query.AsOf, clock);
    }
}
