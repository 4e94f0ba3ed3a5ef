using CodeScan.Application.Users.GetPlatformAnalysts;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Users;

/// <summary><c>platformAnalysts</c>: who may read the platform's reports (Application/Users/GetPlatformAnalysts).</summary>
public sealed class GetPlatformAnalysts : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlatformAnalystType>>>>("platformAnalysts")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: everyone who holds the platform analyst role, by mobile number.")
            .ResolveAsync(async ctx => await ctx.Send(new GetPlatformAnalystsQuery()));
}
