using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Alerts.WatchMerchantAlerts;
using CodeScan.Application.Wallets.WatchWallet;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

public sealed class Subscription : RootType
{
    public Subscription()
    {
        Name = "Subscription";

        Field<NonNullGraphType<MerchantAlertType>>("merchantAlerts")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: every payment and recharge at the merchant as it happens, to be spoken aloud. A till that reconnects passes the id of the last alert it heard as `after`: it first hears what it missed, then goes on live, with no gap and no repeat.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Argument<IdGraphType>("after", "The id of the last alert this till heard.")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);
                long? after = null;
                if (ctx.GetArgument<string?>("after") is { } cursor)
                {
                    after = long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                        ? position
                        : throw new ExecutionError("'after' is not an alert id.") { Code = "BAD_USER_INPUT" };
                }

                return await ctx.Send(new WatchMerchantAlertsQuery(new MerchantId(id), after));
            });

        Field<NonNullGraphType<WalletType>>("walletChanged")
            .Allow(Access.SignedIn)
            .Description("The signed-in customer: their wallet at a merchant, each time a payment or recharge changes it.")
            .Argument<NonNullGraphType<IdGraphType>>("merchantId")
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx =>
            {
                GlobalId.TryDecode(ctx.GetArgument<string>("merchantId"), MerchantType.TypeName, out var id);

                return await ctx.Send(new WatchWalletQuery(new MerchantId(id)));
            });

        Add<WatchMerchantReviews>();
    }
}
