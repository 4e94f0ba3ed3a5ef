using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetPlatformSales;

/// <summary>A currency the platform trades in, and a range bounded as a merchant's report is.</summary>
public sealed class GetPlatformSalesValidator : IValidator<GetPlatformSalesQuery>
{
    public IEnumerable<Error> Validate(GetPlatformSalesQuery query)
    {
        if (!Currencies.IsSupported(query.Currency))
        {
            yield return Error.Invalid($"The platform trades in {string.Join(", ", Currencies.Supported)}; '{query.Currency}' is not one of them.", "currency");
            yield break;
        }

        foreach (var error in GetMerchantSalesValidator.ValidateRange(query.From, query.To, query.Granularity))
        {
            yield return error;
        }
    }
}
