using CodeScan.Domain.Catalog;

namespace CodeScan.Application.Catalog;

public sealed record ValidityDto(int? Days, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
{
    public static ValidityDto Of(Validity validity) => new(validity.Days, validity.StartsAt, validity.EndsAt);
}

public sealed record CardProductDto(
    Guid Id, Guid MerchantId, CardKind Kind, string Name, long Price, string Currency, int? Uses, int? PayRateBasisPoints, ValidityDto Validity, CatalogItemStatus Status, DateTimeOffset CreatedAt)
{
    public static CardProductDto From(CardProduct p) => new(
        p.Id, p.MerchantId.Value, p.Kind, p.Name, p.Price, p.Currency, p.Uses, p.PayRateBasisPoints, ValidityDto.Of(p.Validity), p.Status, p.CreatedAt);
}

public sealed record CouponTemplateDto(
    Guid Id, Guid MerchantId, string Name, CouponTerms Terms, long Price, string Currency, ValidityDto Validity, int TotalStock, int IssuedCount, int PerCustomerLimit, CatalogItemStatus Status, DateTimeOffset CreatedAt)
{
    public static CouponTemplateDto From(CouponTemplate t) => new(
        t.Id, t.MerchantId.Value, t.Name, t.Terms, t.Price, t.Currency, ValidityDto.Of(t.Validity), t.TotalStock, t.IssuedCount, t.PerCustomerLimit, t.Status, t.CreatedAt);
}

public sealed record RechargePlanDto(
    Guid Id, Guid MerchantId, string Name, long PayEvery, long BonusEach, long MinAmount, long MaxAmount, string Currency, CatalogItemStatus Status, DateTimeOffset CreatedAt)
{
    public static RechargePlanDto From(RechargePlan p) => new(
        p.Id, p.MerchantId.Value, p.Name, p.PayEvery, p.BonusEach, p.MinAmount, p.MaxAmount, p.Currency, p.Status, p.CreatedAt);
}

public sealed record CatalogDto(IReadOnlyList<CardProductDto> CardProducts, IReadOnlyList<CouponTemplateDto> CouponTemplates, IReadOnlyList<RechargePlanDto> RechargePlans);
