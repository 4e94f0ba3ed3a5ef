using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Alerts.GetMerchantAlerts;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Alerts;

/// <summary><c>merchantAlerts</c> (query): a merchant's alerts after a cursor, or its newest ones (Application/Alerts/GetMerchantAlerts).</summary>
public sealed class GetMerchantAlerts : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantAlertConnectionType>>("merchantAlerts")
            .Allow(Access.MerchantStaff)
            .Description("The merchant's alerts after a cursor, oldest first: how a till catches up on what it missed. With `last`, the newest alerts instead (still oldest first): how a till that just opened shows recent history and learns the cursor to subscribe from.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "An alert id (cursor); from the beginning when omitted.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .Argument<IntGraphType>("last", "The newest alerts, 1 to 100; not with `after`.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantAlertsQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<string?>("after"),
                ctx.GetArgument<int>("first"),
                ctx.GetArgument<int?>("last"))));
}
