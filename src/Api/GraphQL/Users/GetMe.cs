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
            .Allow(Access.Anonymous)
            .Description("The signed-in user, or null when the request carries no access token (how a client asks whether it is signed in).")
            .ResolveAsync(async ctx => await ctx.Send(new GetMeQuery()));
}
