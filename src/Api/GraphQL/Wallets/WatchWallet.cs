using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Wallets.WatchWallet;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Wallets;

/// <summary><c>walletChanged</c>: the signed-in customer's wallet at a merchant, each time it changes (Application/Wallets/WatchWallet).</summary>
public sealed class WatchWallet : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<WalletType>>("walletChanged")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer: their wallet at a merchant, each time a payment or recharge changes it, and only ever newer than the wallet readable when the subscription started and than every one it pushed. Ends with an UNAVAILABLE error when the server lost its connection to the live feed: subscribe again and read `wallet` for what changed meanwhile.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx => await ctx.Send(new WatchWalletQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")))));
}
