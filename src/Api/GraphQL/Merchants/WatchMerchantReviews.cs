using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants.WatchMerchantReviews;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>merchantReviewed</c>: the applicant hears each review decision as it is made (Application/Merchants/WatchMerchantReviews).</summary>
public sealed class WatchMerchantReviews : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantReviewedType>>("merchantReviewed")
            .Allow(Access.SignedIn)
            .Description("The applicant: each review decision on their merchants, the moment it is made. Ends with an UNAVAILABLE error when the server lost its connection to the live feed: subscribe again and read `myMerchants` for decisions made meanwhile.")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx => await ctx.Send(new WatchMerchantReviewsQuery()));
}
