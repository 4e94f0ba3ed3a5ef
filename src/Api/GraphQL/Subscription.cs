using CodeScan.Api.GraphQL.Alerts;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.GraphQL.Wallets;
using CodeScan.Application.Merchants.WatchMerchantReviews;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

public sealed class Subscription : RootType
{
    public Subscription()
    {
        Name = "Subscription";

        Add<WatchMerchantAlerts>();
        Add<WatchWallet>();

        Field<NonNullGraphType<MerchantReviewedType>>("merchantReviewed")
            .Allow(Access.SignedIn)
            .Description("The applicant: each review decision on their merchants, the moment it is made.")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx => await ctx.Send(new WatchMerchantReviewsQuery()));
    }
}
