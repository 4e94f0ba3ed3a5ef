using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Application.Catalog.DefineCouponTemplate;
using CodeScan.Domain.Catalog;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary><c>defineCouponTemplate</c>: the owner creates a coupon, free or sold (Application/Catalog/DefineCouponTemplate).</summary>
public sealed class DefineCouponTemplate : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<CouponTemplatePayloadType>>("defineCouponTemplate")
            .Allow(Access.MerchantOwner)
            .Description("The owner: create a coupon, free to claim (price 0) or sold, with a stock and a per-customer limit.")
            .Argument<NonNullGraphType<DefineCouponTemplateInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DefineCouponTemplateInput>("input");
                var outcome = await ctx.Send(new DefineCouponTemplateCommand(
                    GlobalId.ToMerchantId(input.MerchantId),
                    input.Name,
                    input.Kind,
                    input.AmountOff,
                    input.PercentOff,
                    input.Cap,
                    input.Threshold,
                    input.GiftName,
                    input.Price,
                    input.ValidityDays,
                    input.ValidFrom,
                    input.ValidUntil,
                    input.TotalStock,
                    input.PerCustomerLimit));
                return outcome.ToPayload(t => t);
            });
}

public sealed record DefineCouponTemplateInput(
    string MerchantId,
    string Name,
    CouponKind Kind,
    long? AmountOff,
    int? PercentOff,
    long? Cap,
    long? Threshold,
    string? GiftName,
    long Price,
    int? ValidityDays,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    int TotalStock,
    int PerCustomerLimit);

public sealed class DefineCouponTemplateInputType : InputObjectGraphType<DefineCouponTemplateInput>
{
    public DefineCouponTemplateInputType()
    {
        Name = "DefineCouponTemplateInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<CouponKindType>>("kind");
        Field<LongGraphType>("amountOff");
        Field<IntGraphType>("percentOff");
        Field<LongGraphType>("cap");
        Field<LongGraphType>("threshold");
        Field<StringGraphType>("giftName");
        Field<NonNullGraphType<LongGraphType>>("price").Description("Minor units; 0 = free to claim.");
        this.AddValidity();
        Field<NonNullGraphType<IntGraphType>>("totalStock");
        Field<NonNullGraphType<IntGraphType>>("perCustomerLimit");
    }
}

public sealed class CouponTemplatePayloadType() : PayloadType<CouponTemplateDto, CouponTemplateType>("DefineCouponTemplatePayload", "couponTemplate");
