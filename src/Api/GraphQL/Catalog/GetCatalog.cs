using CodeScan.Application.Catalog;
using CodeScan.Application.Catalog.GetCatalog;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary><c>catalog</c>: what a merchant offers, as the caller may see it (Application/Catalog/GetCatalog).</summary>
public sealed class GetCatalog : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<CatalogType>("catalog")
            .Allow(Access.SignedIn)
            .Description("What a merchant offers. Customers see what is on sale; its staff also see paused and archived items. Null for an unknown merchant.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx => await ctx.Send(new GetCatalogQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")))));
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
