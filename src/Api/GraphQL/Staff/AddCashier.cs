using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Application.Staff.AddCashier;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Staff;

/// <summary><c>addCashier</c>: the owner lets someone act for the merchant as a cashier (Application/Staff/AddCashier).</summary>
public sealed class AddCashier : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("addCashier")
            .Allow(Access.MerchantOwner)
            .Description("The owner: let someone act for the merchant as a cashier, by mobile number.")
            .Argument<NonNullGraphType<CashierInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CashierInput>("input");
                var outcome = await ctx.Send(new AddCashierCommand(GlobalId.ToMerchantId(input.MerchantId), input.Phone));
                return outcome.ToPayload(m => m);
            });
}
