using CodeScan.Application.Analytics.GetMerchantInstrumentPerformance;
using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;

/// <summary>A currency the platform trades in, and a range bounded as a merchant's performance report is (a leap year).</summary>
public sealed class GetPlatformInstrumentPerformanceValidator : IValidator<GetPlatformInstrumentPerformanceQuery>
{
    public IEnumerable<Error> Validate(GetPlatformInstrumentPerformanceQuery query) =>
        PlatformScope.CurrencyError(query.Currency) is { } currency
            ? [currency]
            : GetMerchantInstrumentPerformanceValidator.ValidateRange(query.From, query.To);
}
