using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Merchants.GetMerchantApplications;

public sealed class GetMerchantApplicationsValidator : IValidator<GetMerchantApplicationsQuery>
{
    public IEnumerable<Error> Validate(GetMerchantApplicationsQuery query) => new[] { Rules.PageSize(query.First, GetMerchantApplicationsHandler.MaxPage) }.OfType<Error>();
}
