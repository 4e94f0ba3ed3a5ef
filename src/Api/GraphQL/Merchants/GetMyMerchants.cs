using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants.GetMyMerchants;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>myMerchants</c>: the merchants the signed-in user owns or works at (Application/Merchants/GetMyMerchants).</summary>
public sealed class GetMyMerchants : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantType>>>>("myMerchants")
            .Allow(Access.SignedIn)
            .Description("The merchants the signed-in user owns or works at, with their review history.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMyMerchantsQuery()));
}
