using CodeScan.Application.Merchants.SuspendMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>suspendMerchant</c>: a platform admin stops an approved merchant from trading (Application/Merchants/SuspendMerchant).</summary>
public sealed class SuspendMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("suspendMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: stop an approved merchant from trading; its QR code is refused until reinstated.")
            .Argument<NonNullGraphType<MerchantReasonInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<MerchantReasonInput>("input");
                var outcome = await ctx.Send(new SuspendMerchantCommand(GlobalId.ToMerchantId(input.MerchantId), input.Reason));
                return outcome.ToPayload(m => m);
            });
}
