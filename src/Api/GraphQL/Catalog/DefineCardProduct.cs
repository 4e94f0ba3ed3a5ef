using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Catalog;
using CodeScan.Application.Catalog.DefineCardProduct;
using CodeScan.Domain.Catalog;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary><c>defineCardProduct</c>: the owner puts a times card or a membership card on sale (Application/Catalog/DefineCardProduct).</summary>
public sealed class DefineCardProduct : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<CardProductPayloadType>>("defineCardProduct")
            .Allow(Access.MerchantOwner)
            .Description("The owner: put a times card or a membership card on sale.")
            .Argument<NonNullGraphType<DefineCardProductInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DefineCardProductInput>("input");
                var outcome = await ctx.Send(new DefineCardProductCommand(
                    GlobalId.ToMerchantId(input.MerchantId),
                    input.Kind,
                    input.Name,
                    input.Price,
                    input.Uses,
                    input.PayRateBasisPoints,
                    input.ValidityDays,
                    input.ValidFrom,
                    input.ValidUntil));
                return outcome.ToPayload(p => p);
            });
}

public sealed record DefineCardProductInput(
    string MerchantId, CardKind Kind, string Name, long Price, int? Uses, int? PayRateBasisPoints, int? ValidityDays, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

public sealed class DefineCardProductInputType : InputObjectGraphType<DefineCardProductInput>
{
    public DefineCardProductInputType()
    {
        Name = "DefineCardProductInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<CardKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<LongGraphType>>("price").Description("Minor units, greater than 0.");
        Field<IntGraphType>("uses").Description("TIMES_CARD: 1 to 1000.");
        Field<IntGraphType>("payRateBasisPoints").Description("MEMBERSHIP_CARD: 1 to 9999 (8800 = 12% off).");
        this.AddValidity();
    }
}

public sealed class CardProductPayloadType() : PayloadType<CardProductDto, CardProductType>("DefineCardProductPayload", "cardProduct");
