using CodeScan.Api.GraphQL.Alerts;
using CodeScan.Api.GraphQL.BackOffice;
using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Records;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Api.GraphQL.Wallets;
using CodeScan.Application.Merchants.GetMerchant;
using CodeScan.Application.Merchants.GetMerchantApplications;
using CodeScan.Application.Merchants.GetMyMerchants;
using CodeScan.Application.Users.GetMe;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

public sealed class Query : RootType
{
    public Query()
    {
        Name = "Query";

        Field<UserType>("me")
            .Allow(Access.SignedIn)
            .Description("The signed-in user.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMeQuery()));

        Field<NodeInterface>("node")
            .Allow(Access.SignedIn)
            .Description("Fetches any object by its global id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
                GlobalId.TryDecode(ctx.GetArgument<string>("id"), out var type, out var id) && type == MerchantType.TypeName
                    ? await ctx.Send(new GetMerchantQuery(new MerchantId(id)))
                    : null);

        Field<MerchantType>("merchant")
            .Allow(Access.SignedIn)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("id"), MerchantType.TypeName, out var id);
                return await ctx.Send(new GetMerchantQuery(new MerchantId(id)));
            });

        Add<GetWallet>();
        Add<GetWallets>();
        Add<GetMerchantAlerts>();

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MerchantType>>>>("myMerchants")
            .Allow(Access.SignedIn)
            .Description("The merchants the signed-in user owns or works at, with their review history.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMyMerchantsQuery()));

        Field<NonNullGraphType<MerchantConnectionType>>("merchantApplications")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: merchants by status, oldest application first.")
            .Argument<MerchantStatusType>("status", "All statuses when omitted.")
            .Argument<StringGraphType>("after", "An `endCursor` from the previous page.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .ResolveAsync(async ctx =>
            {
                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > GetMerchantApplicationsHandler.MaxPage)
                {
                    throw new ExecutionError($"'first' must be between 1 and {GetMerchantApplicationsHandler.MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                return await ctx.Send(new GetMerchantApplicationsQuery(ctx.GetArgument<MerchantStatus?>("status"), ctx.GetArgument<string?>("after"), first));
            });

        this.AddQrCodeQueries();
        this.AddOrderQueries();
        this.AddCatalogQueries();
        this.AddBackOfficeQueries();
        Add<GetQuote>();
        Add<GetMyRecords>();
        Add<GetMerchantRecords>();
    }
}
