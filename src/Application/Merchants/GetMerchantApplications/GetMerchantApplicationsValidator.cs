using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Merchants.GetMerchantApplications;

public sealed class GetMerchantApplicationsValidator : IValidator<GetMerchantApplicationsQuery>
{
    public IEnumerable<Error> Validate(GetMerchantApplicationsQuery query)
    {
        if (query.First is < 1 or > GetMerchantApplicationsHandler.MaxPage)
        {
            yield return Error.Invalid($"'first' must be between 1 and {GetMerchantApplicationsHandler.MaxPage}.", "first");
        }
    }
}
