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
            .Description("Merchant staff: the merchant's alerts after a cursor, oldest first: how a till catches up on what it missed. With `last`, the newest alerts instead (before `before`, when given; still oldest first): how a till that just opened shows recent history, learns the cursor to subscribe from, and pages back.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "An alert id (every alert id is its cursor); from the beginning when omitted.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .Argument<IntGraphType>("last", "The newest alerts, 1 to 100; not with `after`.")
            .Argument<StringGraphType>("before", "With `last`: the alerts before this alert id (a `startCursor`), to page back.")
            .ResolveAsync(async ctx => await ctx.Send(new GetMerchantAlertsQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<string?>("after"),
                ctx.GetArgument<int>("first"),
                ctx.GetArgument<int?>("last"),
                ctx.GetArgument<string?>("before"))));
}
