using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog.ChangeCatalogItemStatus;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary><c>changeCatalogItemStatus</c>: the owner pauses, resumes or archives a catalog item (Application/Catalog/ChangeCatalogItemStatus).</summary>
public sealed class ChangeCatalogItemStatus : IRootField
{
    private static readonly string[] ItemTypeNames = [CardProductType.TypeName, CouponTemplateType.TypeName, RechargePlanType.TypeName];

    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<CatalogItemStatusPayloadType>>("changeCatalogItemStatus")
            .Allow(Access.MerchantOwner)
            .Description("The owner: pause, resume or archive a catalog item. Issued cards and coupons keep their terms.")
            .Argument<NonNullGraphType<ChangeCatalogItemStatusInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ChangeCatalogItemStatusInput>("input");
                var outcome = await ctx.Send(new ChangeCatalogItemStatusCommand(GlobalId.ToMerchantId(input.MerchantId), ItemIdOf(input.ItemId), input.Action));
                return outcome.ToPayload(s => s);
            });

    /// <summary>The id of a card product, coupon template or recharge plan; any other id is the empty (unknown) id.</summary>
    private static Guid ItemIdOf(string itemId) =>
        ItemTypeNames.Select(typeName => GlobalId.ToGuid(itemId, typeName)).FirstOrDefault(id => id != Guid.Empty);
}

public sealed record ChangeCatalogItemStatusInput(string MerchantId, string ItemId, CatalogAction Action);

public sealed class ChangeCatalogItemStatusInputType : InputObjectGraphType<ChangeCatalogItemStatusInput>
{
    public ChangeCatalogItemStatusInputType()
    {
        Name = "ChangeCatalogItemStatusInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<IdGraphType>>("itemId").Description("A card product, coupon template or recharge plan id.");
        Field<NonNullGraphType<CatalogActionType>>("action");
    }
}

public sealed class CatalogActionType : EnumerationGraphType<CatalogAction>
{
    public CatalogActionType() => Name = "CatalogAction";
}

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
