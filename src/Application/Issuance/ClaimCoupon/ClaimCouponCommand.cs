using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Issuance.ClaimCoupon;

/// <summary>The signed-in customer claims a free coupon; a priced one is bought with a purchase instead.</summary>
public sealed record ClaimCouponCommand(MerchantId MerchantId, Guid CouponTemplateId, string IdempotencyKey)
    : ICommand<Outcome<IssuedInstrument>>, IRequireSignedIn, IIdempotentCommand;
