using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using Mediator;

namespace CodeScan.Application.Redemptions.Redeem;

/// <summary>
/// The signed-in customer pays the merchant with what they hold there: stored value (with their
/// membership discount), uses of a times card, or a coupon with the rest from stored value or paid
/// outside the platform.
/// </summary>
public sealed record RedeemCommand(
    MerchantId MerchantId,
    RedemptionMode Mode,
    long? Amount,
    Guid? TimesCardId,
    int? Uses,
    Guid? CouponId,
    RestPayment? PayRestWith,
    string IdempotencyKey) : ICommand<Outcome<RedemptionResult>>, IRequireSignedIn, IIdempotentCommand, IRateLimited
{
    public string RateLimitPolicy => RateLimitPolicies.Payments;
}
