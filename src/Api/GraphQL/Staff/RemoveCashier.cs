using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Application.Staff.RemoveCashier;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Staff;

/// <summary><c>removeCashier</c>: the owner stops a cashier from acting for the merchant (Application/Staff/RemoveCashier).</summary>
public sealed class RemoveCashier : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("removeCashier")
            .Allow(Access.MerchantOwner)
            .Description("The owner: stop a cashier from acting for the merchant.")
            .Argument<NonNullGraphType<CashierInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CashierInput>("input");
                var outcome = await ctx.Send(new RemoveCashierCommand(GlobalId.ToMerchantId(input.MerchantId), input.Phone));
                return outcome.ToPayload(m => m);
            });
}
