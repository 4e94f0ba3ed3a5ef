using CodeScan.Api.GraphQL.Merchants;
using CodeScan.Application.Staff.AddAnalyst;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Staff;

/// <summary><c>addAnalyst</c>: the owner lets someone read the merchant's reports (Application/Staff/AddAnalyst).</summary>
public sealed class AddAnalyst : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<MerchantPayloadType>>("addAnalyst")
            .Allow(Access.MerchantOwner)
            .Description("The owner: let someone read the merchant's sales reports, by mobile number. An analyst acts for the merchant in nothing and sees no full phone number.")
            .Argument<NonNullGraphType<AnalystInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AnalystInput>("input");
                var outcome = await ctx.Send(new AddAnalystCommand(GlobalId.ToMerchantId(input.MerchantId), input.Phone));
                return outcome.ToPayload(m => m);
            });
}

/// <summary>The input of <c>addAnalyst</c> and <c>removeAnalyst</c>: the merchant and the analyst's mobile number.</summary>
public sealed record AnalystInput(string MerchantId, string Phone);

public sealed class AnalystInputType : InputObjectGraphType<AnalystInput>
{
    public AnalystInputType()
    {
        Name = "AnalystInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The analyst's mobile number.");
    }
}
