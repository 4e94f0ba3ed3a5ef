using CodeScan.Application.Common.Validation;
using CodeScan.Application.Issuance;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Orders.Purchase;

public sealed class PurchaseValidator : IValidator<PurchaseCommand>
{
    public IEnumerable<Error> Validate(PurchaseCommand command) =>
        new[] { Rules.IdempotencyKey(command.IdempotencyKey), ItemRules.Item(command.Item) }.OfType<Error>();
}
