using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Wallets.GetWallets;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Wallets;

/// <summary><c>wallets</c>: the signed-in customer's holdings at every merchant (Application/Wallets/GetWallets).</summary>
public sealed class GetWallets : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalletType>>>>("wallets")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's holdings at every merchant where they hold something.")
            .ResolveAsync(async ctx => await ctx.Send(new GetWalletsQuery()));
}
