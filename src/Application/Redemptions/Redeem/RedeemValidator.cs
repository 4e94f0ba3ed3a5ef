using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Redemptions.Redeem;

public sealed class RedeemValidator : IValidator<RedeemCommand>
{
    public IEnumerable<Error> Validate(RedeemCommand command) =>
        new[] { Rules.IdempotencyKey(command.IdempotencyKey), Rules.Amount(command.Amount) }.OfType<Error>();
}
