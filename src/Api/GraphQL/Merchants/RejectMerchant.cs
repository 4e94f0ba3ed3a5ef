using CodeScan.Application.Merchants.RejectMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>rejectMerchant</c>: a platform admin turns down an application, with a reason (Application/Merchants/RejectMerchant).</summary>
public sealed class RejectMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("rejectMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: turn down an application pending review, with a reason the applicant sees.")
            .Argument<NonNullGraphType<MerchantReasonInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<MerchantReasonInput>("input");
                var outcome = await ctx.Send(new RejectMerchantCommand(GlobalId.ToMerchantId(input.MerchantId), input.Reason));
                return outcome.ToPayload(m => m);
            });
}
