using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Wallets.GetWallet;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Wallets;

/// <summary><c>wallet</c>: the signed-in customer's holdings at one merchant (Application/Wallets/GetWallet).</summary>
public sealed class GetWallet : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<WalletType>("wallet")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's holdings at a merchant; null for an unknown merchant.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx => await ctx.Send(new GetWalletQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")))));
}
