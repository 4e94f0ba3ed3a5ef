using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetPlatformSales;

/// <summary>A currency the platform trades in, and a range bounded as a merchant's report is.</summary>
public sealed class GetPlatformSalesValidator : IValidator<GetPlatformSalesQuery>
{
    public IEnumerable<Error> Validate(GetPlatformSalesQuery query)
    {
        if (PlatformScope.CurrencyError(query.Currency) is { } currency)
        {
            yield return currency;
            yield break;
        }

        foreach (var error in GetMerchantSalesValidator.ValidateRange(query.From, query.To, query.Granularity))
        {
            yield return error;
        }
    }
}
