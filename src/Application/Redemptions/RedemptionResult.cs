using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Redemptions;

/// <summary>A payment at the till as the payer and the till see it: the full breakdown and what it left.</summary>
public sealed record RedemptionResult(
    Guid RedemptionId,
    Guid MerchantId,
    Guid CustomerId,
    RedemptionMode Mode,
    RedemptionChannel Channel,
    long Amount,
    long MembershipDiscount,
    Guid? CouponId,
    long CouponDiscount,
    Guid? TimesCardId,
    int Uses,
    int? UsesLeft,
    string? InstrumentName,
    long FromPrincipal,
    long FromBonus,
    long PaidOutside,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset CreatedAt)
{
    public long FromStoredValue => FromPrincipal + FromBonus;

    public long Discount => MembershipDiscount + CouponDiscount;

    public static RedemptionResult From(Redemption r, StoredValueBalance after, string? instrumentName, int? usesLeft) => new(
        r.Id, r.MerchantId.Value, r.CustomerId.Value, r.Mode, r.Channel, r.Amount, r.MembershipDiscount, r.CouponId, r.CouponDiscount,
        r.TimesCardId, r.Uses, usesLeft, instrumentName, r.FromPrincipal, r.FromBonus, r.PaidOutside, r.Currency, after.Principal, after.Bonus, r.CreatedAt);
}
