using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Orders;

namespace CodeScan.Application.Issuance.IssueAtCounter;

public sealed class IssueAtCounterValidator : IValidator<IssueAtCounterCommand>
{
    public IEnumerable<Error> Validate(IssueAtCounterCommand command) =>
        new[]
        {
            Rules.IdempotencyKey(command.IdempotencyKey),
            PhoneNumber.Parse(command.CustomerPhone).Error is { } phoneError ? phoneError with { Field = "customerPhone" } : null,
            ItemRules.Item(command.Item),
        }.OfType<Error>();
}
