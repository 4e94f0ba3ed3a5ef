using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Orders.GetMyOrders;

public sealed class GetMyOrdersValidator : IValidator<GetMyOrdersQuery>
{
    public IEnumerable<Error> Validate(GetMyOrdersQuery query) => new[] { Rules.PageSize(query.First, GetMyOrdersHandler.MaxPage) }.OfType<Error>();
}
