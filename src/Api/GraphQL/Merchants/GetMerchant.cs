using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants.GetMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>merchant</c>: a merchant's profile and status by its id (Application/Merchants/GetMerchant).</summary>
public sealed class GetMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<MerchantType>("merchant")
            .Allow(Access.SignedIn)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantQuery(GlobalId.ToMerchantId(ctx.GetArgument<string>("id")))));
}
