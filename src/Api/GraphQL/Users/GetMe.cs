using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Users.GetMe;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Users;

/// <summary><c>me</c>: the signed-in user (Application/Users/GetMe).</summary>
public sealed class GetMe : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<UserType>("me")
            .Allow(Access.SignedIn)
            .Description("The signed-in user.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMeQuery()));
}
