using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Application.Staff.RemoveAnalyst;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Staff;

/// <summary><c>removeAnalyst</c>: the owner stops an analyst from reading the merchant's reports (Application/Staff/RemoveAnalyst).</summary>
public sealed class RemoveAnalyst : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("removeAnalyst")
            .Allow(Access.MerchantOwner)
            .Description("The owner: stop an analyst from reading the merchant's reports.")
            .Argument<NonNullGraphType<AnalystInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AnalystInput>("input");
                var outcome = await ctx.Send(new RemoveAnalystCommand(GlobalId.ToMerchantId(input.MerchantId), input.Phone));
                return outcome.ToPayload(m => m);
            });
}
