using CodeScan.Application.Users.RemovePlatformAnalyst;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Users;

/// <summary><c>removePlatformAnalyst</c> (Application/Users/RemovePlatformAnalyst).</summary>
public sealed class RemovePlatformAnalyst : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformAnalystPayloadType>>("removePlatformAnalyst")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: take the platform analyst role away; their next report request is refused.")
            .Argument<NonNullGraphType<PlatformAnalystInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<PlatformAnalystInput>("input");
                var outcome = await ctx.Send(new RemovePlatformAnalystCommand(input.Phone));
                return outcome.ToPayload(a => a);
            });
}
