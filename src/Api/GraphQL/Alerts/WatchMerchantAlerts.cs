using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Alerts.WatchMerchantAlerts;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Alerts;

/// <summary><c>merchantAlerts</c> (subscription): a merchant's alerts as they happen, resumable after the last one heard (Application/Alerts/WatchMerchantAlerts).</summary>
public sealed class WatchMerchantAlerts : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantAlertType>>("merchantAlerts")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: every payment and recharge at the merchant as it happens, to be spoken aloud. Without `after` it starts from now: only alerts newer than the merchant's latest readable one when the subscription started. A till that reconnects passes the id of the last alert it heard as `after`: it first hears what it missed, then goes on live, with no gap and no repeat. It ends with a FORBIDDEN error when the subscriber is removed from the staff or the merchant is suspended, and with an UNAVAILABLE error when the server lost its connection to the live feed (reconnect with a backoff, passing `after`).")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<StringGraphType>("after", "The id (cursor) of the last alert this till heard, as in the query.")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx => await ctx.SendStream(new WatchMerchantAlertsQuery(
                GlobalId.ToMerchantId(ctx.GetArgument<string>("merchantId")),
                ctx.GetArgument<string?>("after"))));
}
