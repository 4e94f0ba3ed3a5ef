using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Application.Catalog.ChangeCatalogItemStatus;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

public sealed class CardKindType : EnumerationGraphType<CardKind>
{
    public CardKindType() => Name = "CardKind";
}

public sealed class CouponKindType : EnumerationGraphType<CouponKind>
{
    public CouponKindType() => Name = "CouponKind";
}

public sealed class CatalogItemStatusType : EnumerationGraphType<CatalogItemStatus>
{
    public CatalogItemStatusType() => Name = "CatalogItemStatus";
}

public sealed class CatalogActionType : EnumerationGraphType<CatalogAction>
{
    public CatalogActionType() => Name = "CatalogAction";
}

public sealed class ValidityType : ObjectGraphType<ValidityDto>
{
    public ValidityType()
    {
        Name = "Validity";
        Description = "Either a number of days from issue, or a window (validUntil, and validFrom when it starts later).";
        Field<IntGraphType>("days").Resolve(ctx => ctx.Source.Days);
        Field<DateTimeOffsetGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<DateTimeOffsetGraphType>("validUntil").Resolve(ctx => ctx.Source.ValidUntil);
    }
}

public sealed class CardProductType : ObjectGraphType<CardProductDto>
{
    public const string TypeName = "CardProduct";

    public CardProductType()
    {
        Name = TypeName;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<CardKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<MoneyType>>("price").Resolve(ctx => new Money(ctx.Source.Price, ctx.Source.Currency));
        Field<IntGraphType>("uses").Description("Times cards: uses per card.").Resolve(ctx => ctx.Source.Uses);
        Field<IntGraphType>("payRateBasisPoints").Description("Membership cards: the share of the bill a member pays (8800 = 12% off).").Resolve(ctx => ctx.Source.PayRateBasisPoints);
        Field<NonNullGraphType<ValidityType>>("validity").Resolve(ctx => ctx.Source.Validity);
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}

public sealed class CouponTemplateType : ObjectGraphType<CouponTemplateDto>
{
    public const string TypeName = "CouponTemplate";

    public CouponTemplateType()
    {
        Name = TypeName;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<CouponTermsType>>("terms").Resolve(ctx => new CouponTermsView(ctx.Source.Terms, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("price").Description("0 means free to claim.").Resolve(ctx => new Money(ctx.Source.Price, ctx.Source.Currency));
        Field<NonNullGraphType<ValidityType>>("validity").Resolve(ctx => ctx.Source.Validity);
        Field<NonNullGraphType<IntGraphType>>("totalStock").Resolve(ctx => ctx.Source.TotalStock);
        Field<NonNullGraphType<IntGraphType>>("issuedCount").Resolve(ctx => ctx.Source.IssuedCount);
        Field<NonNullGraphType<IntGraphType>>("perCustomerLimit").Resolve(ctx => ctx.Source.PerCustomerLimit);
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}

/// <summary>Coupon terms with the currency their amounts are in.</summary>
public sealed record CouponTermsView(CouponTerms Terms, string Currency);

public sealed class CouponTermsType : ObjectGraphType<CouponTermsView>
{
    public CouponTermsType()
    {
        Name = "CouponTerms";
        Field<NonNullGraphType<CouponKindType>>("kind").Resolve(ctx => ctx.Source.Terms.Kind);
        Field<MoneyType>("amountOff").Description("CASH_OFF and THRESHOLD.").Resolve(ctx => ctx.Source.Terms.AmountOff > 0 ? new Money(ctx.Source.Terms.AmountOff, ctx.Source.Currency) : null);
        Field<IntGraphType>("percentOff").Description("PERCENT_OFF.").Resolve(ctx => ctx.Source.Terms.PercentOff > 0 ? ctx.Source.Terms.PercentOff : null);
        Field<MoneyType>("cap").Description("PERCENT_OFF: the most it takes off.").Resolve(ctx => ctx.Source.Terms.Cap > 0 ? new Money(ctx.Source.Terms.Cap, ctx.Source.Currency) : null);
        Field<MoneyType>("threshold").Description("THRESHOLD: the least the bill must be.").Resolve(ctx => ctx.Source.Terms.Threshold > 0 ? new Money(ctx.Source.Terms.Threshold, ctx.Source.Currency) : null);
        Field<StringGraphType>("giftName").Description("GIFT.").Resolve(ctx => ctx.Source.Terms.GiftName);
    }
}

public sealed class RechargePlanType : ObjectGraphType<RechargePlanDto>
{
    public const string TypeName = "RechargePlan";

    public RechargePlanType()
    {
        Name = TypeName;
        Description = "Every full `payEvery` of a recharge earns `bonusEach` of bonus, for recharges from `minAmount` to `maxAmount`.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<MoneyType>>("payEvery").Resolve(ctx => new Money(ctx.Source.PayEvery, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("bonusEach").Resolve(ctx => new Money(ctx.Source.BonusEach, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("minAmount").Resolve(ctx => new Money(ctx.Source.MinAmount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyType>>("maxAmount").Resolve(ctx => new Money(ctx.Source.MaxAmount, ctx.Source.Currency));
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}

public sealed class CatalogType : ObjectGraphType<CatalogDto>
{
    public CatalogType()
    {
        Name = "Catalog";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CardProductType>>>>("cardProducts").Resolve(ctx => ctx.Source.CardProducts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CouponTemplateType>>>>("couponTemplates").Resolve(ctx => ctx.Source.CouponTemplates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RechargePlanType>>>>("rechargePlans").Resolve(ctx => ctx.Source.RechargePlans);
    }
}

public sealed class CardProductPayloadType() : PayloadType<CardProductDto, CardProductType>("DefineCardProductPayload", "cardProduct");

public sealed class CouponTemplatePayloadType() : PayloadType<CouponTemplateDto, CouponTemplateType>("DefineCouponTemplatePayload", "couponTemplate");

public sealed class RechargePlanPayloadType() : PayloadType<RechargePlanDto, RechargePlanType>("DefineRechargePlanPayload", "rechargePlan");

public sealed class CatalogItemStatusPayloadType() : PayloadType<CatalogItemStatusChanged, CatalogItemStatusChangedType>("ChangeCatalogItemStatusPayload", "item");

public sealed class CatalogItemStatusChangedType : ObjectGraphType<CatalogItemStatusChanged>
{
    public CatalogItemStatusChangedType()
    {
        Name = "CatalogItemStatusChanged";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ctx.Source.ItemType, ctx.Source.ItemId));
        Field<NonNullGraphType<CatalogItemStatusType>>("status").Resolve(ctx => ctx.Source.Status);
    }
}
