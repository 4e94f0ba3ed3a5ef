using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Wallets.RechargeAtCounter;

public sealed class RechargeAtCounterValidator : IValidator<RechargeAtCounterCommand>
{
    public IEnumerable<Error> Validate(RechargeAtCounterCommand command)
    {
        var errors = new[]
        {
            Rules.IdempotencyKey(command.IdempotencyKey),
            Rules.Amount(command.Amount),
            command.Bonus < 0 || command.Bonus > Money.MaxAmountMinorUnits
                ? new Error(ErrorCode.AmountOutOfRange, "'bonus' must be between 0 and the amount.", "bonus")
                : null,
            PhoneNumber.Parse(command.CustomerPhone).Error is { } phoneError ? phoneError with { Field = "customerPhone" } : null,
        };
        return errors.OfType<Error>();
    }
}
