using CodeScan.Api.GraphQL.Catalog;
using CodeScan.Application.Issuance.IssueAtCounter;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Issuance;

/// <summary><c>issueAtCounter</c>: merchant staff issue what a customer paid for at the counter (Application/Issuance/IssueAtCounter).</summary>
public sealed class IssueAtCounter : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<IssuancePayloadType>>("issueAtCounter")
            .Allow(Access.MerchantStaff)
            .Description("Merchant staff: issue a card, a coupon or stored value to a customer who paid at the counter.")
            .Argument<NonNullGraphType<IssueAtCounterInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<IssueAtCounterInput>("input");
                var outcome = await ctx.Send(new IssueAtCounterCommand(
                    GlobalId.ToMerchantId(input.MerchantId), input.CustomerPhone, input.Item?.ToItemRef(), input.IdempotencyKey));
                return outcome.ToPayload(i => i);
            });
}

public sealed record IssueAtCounterInput(string MerchantId, string CustomerPhone, CatalogItemInput? Item, string IdempotencyKey);

public sealed class IssueAtCounterInputType : InputObjectGraphType<IssueAtCounterInput>
{
    public IssueAtCounterInputType()
    {
        Name = "IssueAtCounterInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("customerPhone").Description("The customer's mobile number; an unknown number is registered.");
        Field<NonNullGraphType<CatalogItemInputType>>("item");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}
