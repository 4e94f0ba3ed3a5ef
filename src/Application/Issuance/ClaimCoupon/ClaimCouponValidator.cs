using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Issuance.ClaimCoupon;

public sealed class ClaimCouponValidator : IValidator<ClaimCouponCommand>
{
    public IEnumerable<Error> Validate(ClaimCouponCommand command) =>
        new[] { Rules.IdempotencyKey(command.IdempotencyKey) }.OfType<Error>();
}
