using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants.GetMerchantApplications;
using CodeScan.Domain.Merchants;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>merchantApplications</c>: platform admins page through merchants by status (Application/Merchants/GetMerchantApplications).</summary>
public sealed class GetMerchantApplications : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantConnectionType>>("merchantApplications")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: merchants by status, oldest application first.")
            .Argument<MerchantStatusType>("status", "All statuses when omitted.")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantApplicationsQuery(
                ctx.GetArgument<MerchantStatus?>("status"), ctx.GetArgument<string?>("after"), ctx.GetArgument<int>("first"))));
}
