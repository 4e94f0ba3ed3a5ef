using CodeScan.Application.Merchants.ReinstateMerchant;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary><c>reinstateMerchant</c>: a platform admin lets a suspended merchant trade again (Application/Merchants/ReinstateMerchant).</summary>
public sealed class ReinstateMerchant : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("reinstateMerchant")
            .Allow(Access.PlatformAdmin)
            .Description("Platform admins: let a suspended merchant trade again.")
            .Argument<NonNullGraphType<MerchantIdInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<MerchantIdInput>("input");
                var outcome = await ctx.Send(new ReinstateMerchantCommand(GlobalId.ToMerchantId(input.MerchantId)));
                return outcome.ToPayload(m => m);
            });
}
