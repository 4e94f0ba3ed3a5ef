using CodeScan.Application.Users.AddPlatformAnalyst;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Users;

/// <summary><c>addPlatformAnalyst</c> (Application/Users/AddPlatformAnalyst).</summary>
public sealed class AddPlatformAnalyst : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformAnalystPayloadType>>("addPlatformAnalyst")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: let someone read the platform's reports (platformSales), by mobile number; someone not yet on the platform is registered. Effective from their next request.")
            .Argument<NonNullGraphType<PlatformAnalystInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<PlatformAnalystInput>("input");
                var outcome = await ctx.Send(new AddPlatformAnalystCommand(input.Phone));
                return outcome.ToPayload(a => a);
            });
}
