using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Redemptions.Redeem;

public sealed class RedeemValidator : IValidator<RedeemCommand>
{
    public IEnumerable<Error> Validate(RedeemCommand command) =>
        new[] { Rules.IdempotencyKey(command.IdempotencyKey) }.Concat(RedemptionRules.ForMode(command.Mode, command.Amount, command.TimesCardId, command.Uses, command.CouponId, command.PayRestWith)).OfType<Error>();
}

/// <summary>Which inputs each payment mode takes.</summary>
internal static class RedemptionRules
{
    public static IEnumerable<Error?> ForMode(RedemptionMode mode, long? amount, Guid? timesCardId, int? uses, Guid? couponId, RestPayment? rest)
    {
        switch (mode)
        {
            case RedemptionMode.StoredValue:
                yield return amount is { } bill ? Rules.Amount(bill) : Error.Invalid("Enter the amount of the bill.", "amount");
                yield return timesCardId is null && couponId is null && uses is null ? null : Error.Invalid("A stored-value payment takes no card, coupon or uses; choose the TIMES_CARD or COUPON mode.", "mode");
                yield return rest is null or RestPayment.StoredValue or RestPayment.StoredValueThenOutside
                    ? null
                    : Error.Invalid("A stored-value payment is paid from stored value (STORED_VALUE_THEN_OUTSIDE collects what it does not cover at the till).", "payRestWith");
                break;
            case RedemptionMode.TimesCard:
                yield return timesCardId is null ? Error.Invalid("Choose the times card to use.", "timesCardId") : null;
                yield return uses is null or (>= 1 and <= CardProduct.MaxUses) ? null : Error.Invalid($"Use 1 to {CardProduct.MaxUses} uses at a time.", "uses");
                yield return amount is null && couponId is null && rest is null ? null : Error.Invalid("A times card is paid in uses: no amount, coupon or rest payment.", "mode");
                break;
            case RedemptionMode.Coupon:
                yield return couponId is null ? Error.Invalid("Choose the coupon to use.", "couponId") : null;
                yield return amount is { } couponBill ? Money.OutOfRange(couponBill, zeroAllowed: true) : null;
                yield return timesCardId is null && uses is null ? null : Error.Invalid("A coupon payment takes no times card or uses.", "mode");
                break;
            default:
                yield return Error.Invalid("Unknown payment mode.", "mode");
                break;
        }
    }
}
