using System.Globalization;
using CodeScan.Api.GraphQL.BackOffice;
using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Api.GraphQL.Orders;
using CodeScan.Api.GraphQL.QrCodes;
using CodeScan.Api.GraphQL.Records;
using CodeScan.Api.GraphQL.Redemptions;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Alerts.GetMerchantAlerts;
using CodeScan.Application.Merchants.GetMerchant;
using CodeScan.Application.Merchants.GetMerchantApplications;
using CodeScan.Application.Merchants.GetMyMerchants;
using CodeScan.Application.Users.GetMe;
using CodeScan.Application.Wallets.GetWallet;
using CodeScan.Application.Wallets.GetWallets;
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

        Field<WalletType>("wallet")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's holdings at a merchant; null for an unknown merchant.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .ResolveAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                return await ctx.Send(new GetWalletQuery(new MerchantId(id)));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalletType>>>>("wallets")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer's holdings at every merchant where they hold something.")
            .ResolveAsync(async ctx => await ctx.Send(new GetWalletsQuery()));

        Field<NonNullGraphType<MerchantAlertConnectionType>>("merchantAlerts")
            .Allow(Access.MerchantStaff)
            .Description("The merchant's alerts after a cursor, oldest first: how a till catches up on what it missed. With `last`, the newest alerts instead (still oldest first): how a till that just opened shows recent history and learns the cursor to subscribe from.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "An alert id (cursor); from the beginning when omitted.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .Argument<IntGraphType>("last", "The newest alerts, 1 to 100; not with `after`.")
            .ResolveAsync(async ctx =>
            {
                // An undecodable id is sent on as no merchant: authorization answers first, then NOT_FOUND.
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                var after = ctx.GetArgument<string?>("after");
                long afterPosition = 0;
                if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterPosition))
                {
                    throw new ExecutionError("'after' is not a cursor returned by this API.") { Code = "BAD_USER_INPUT" };
                }

                var first = ctx.GetArgument<int>("first");
                if (first is < 1 or > GetMerchantAlertsHandler.MaxPage)
                {
                    throw new ExecutionError($"'first' must be between 1 and {GetMerchantAlertsHandler.MaxPage}.") { Code = "BAD_USER_INPUT" };
                }

                var last = ctx.GetArgument<int?>("last");
                if (last is not null && (last is < 1 or > GetMerchantAlertsHandler.MaxPage || after is not null))
                {
                    throw new ExecutionError($"'last' must be between 1 and {GetMerchantAlertsHandler.MaxPage}, without 'after'.") { Code = "BAD_USER_INPUT" };
                }

                return await ctx.Send(new GetMerchantAlertsQuery(new MerchantId(id), afterPosition, first, last));
            });

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

        Add<ScanMerchant>();
        Add<GetMerchantQrCode>();
        Add<GetOrder>();
        Add<GetMyOrders>();
        Add<GetCatalog>();
        Add<ListIssuedInstruments>();
        Add<GetQuote>();
        this.AddRecordQueries();
    }
}
