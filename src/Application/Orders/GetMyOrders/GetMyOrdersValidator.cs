using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Orders.GetMyOrders;

public sealed class GetMyOrdersValidator : IValidator<GetMyOrdersQuery>
{
    public IEnumerable<Error> Validate(GetMyOrdersQuery query)
    {
        if (query.First is < 1 or > GetMyOrdersHandler.MaxPage)
        {
            yield return Error.Invalid($"'first' must be between 1 and {GetMyOrdersHandler.MaxPage}.", "first");
        }
    }
}
