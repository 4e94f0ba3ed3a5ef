using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog.ChangeCatalogItemStatus;
using CodeScan.Application.Catalog.DefineCardProduct;
using CodeScan.Application.Catalog.DefineCouponTemplate;
using CodeScan.Application.Catalog.DefineRechargePlan;
using CodeScan.Application.Catalog.GetCatalog;
using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary>The merchant's catalog: card products, coupon templates and recharge plans.</summary>
public static class CatalogFields
{
    public static void AddCatalogQueries(this ObjectGraphType query)
    {
        query.Field<CatalogType>("catalog")
            .Allow(Access.SignedIn)
            .Description("What a merchant offers. Customers see what is on sale; its staff also see paused and archived items. Null for an unknown merchant.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                return await ctx.Send(new GetCatalogQuery(new MerchantId(id)));
            });
    }

    public static void AddCatalogMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CardProductPayloadType>>("defineCardProduct")
            .Allow(Access.MerchantOwner)
            .Description("The owner: put a times card or a membership card on sale.")
            .Argument<NonNullGraphType<DefineCardProductInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var outcome = await ctx.Send(new DefineCardProductCommand(
                    MerchantReviewFields.MerchantIdOf(input), (CardKind)input["kind"]!, MerchantReviewFields.Text(input, "name"), (long)input["price"]!,
                    input.GetValueOrDefault("uses") as int?, input.GetValueOrDefault("payRateBasisPoints") as int?,
                    input.GetValueOrDefault("validityDays") as int?, input.GetValueOrDefault("validFrom") as DateTimeOffset?, input.GetValueOrDefault("validUntil") as DateTimeOffset?));
                return outcome.ToPayload(p => p);
            });

        mutation.Field<NonNullGraphType<CouponTemplatePayloadType>>("defineCouponTemplate")
            .Allow(Access.MerchantOwner)
            .Description("The owner: create a coupon, free to claim (price 0) or sold, with a stock and a per-customer limit.")
            .Argument<NonNullGraphType<DefineCouponTemplateInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var outcome = await ctx.Send(new DefineCouponTemplateCommand(
                    MerchantReviewFields.MerchantIdOf(input), MerchantReviewFields.Text(input, "name"), (CouponKind)input["kind"]!,
                    input.GetValueOrDefault("amountOff") as long?, input.GetValueOrDefault("percentOff") as int?, input.GetValueOrDefault("cap") as long?,
                    input.GetValueOrDefault("threshold") as long?, input.GetValueOrDefault("giftName") as string, (long)input["price"]!,
                    input.GetValueOrDefault("validityDays") as int?, input.GetValueOrDefault("validFrom") as DateTimeOffset?, input.GetValueOrDefault("validUntil") as DateTimeOffset?,
                    (int)input["totalStock"]!, (int)input["perCustomerLimit"]!));
                return outcome.ToPayload(t => t);
            });

        mutation.Field<NonNullGraphType<RechargePlanPayloadType>>("defineRechargePlan")
            .Allow(Access.MerchantOwner)
            .Description("The owner: offer \"pay X, get Y\" on recharges.")
            .Argument<NonNullGraphType<DefineRechargePlanInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var outcome = await ctx.Send(new DefineRechargePlanCommand(
                    MerchantReviewFields.MerchantIdOf(input), MerchantReviewFields.Text(input, "name"),
                    (long)input["payEvery"]!, (long)input["bonusEach"]!, (long)input["minAmount"]!, (long)input["maxAmount"]!));
                return outcome.ToPayload(p => p);
            });

        mutation.Field<NonNullGraphType<CatalogItemStatusPayloadType>>("changeCatalogItemStatus")
            .Allow(Access.MerchantOwner)
            .Description("The owner: pause, resume or archive a catalog item. Issued cards and coupons keep their terms.")
            .Argument<NonNullGraphType<ChangeCatalogItemStatusInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = MerchantReviewFields.Input(ctx);
                var itemId = input.GetValueOrDefault("itemId")?.ToString();
                var id = GlobalId.TryDecode(itemId, out var type, out var guid)
                    && type is CardProductType.TypeName or CouponTemplateType.TypeName or RechargePlanType.TypeName ? guid : Guid.Empty;
                var outcome = await ctx.Send(new ChangeCatalogItemStatusCommand(MerchantReviewFields.MerchantIdOf(input), id, (CatalogAction)input["action"]!));
                return outcome.ToPayload(s => s);
            });
    }
}
