using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary>The input of a decision the applicant is given a reason for (<c>rejectMerchant</c>, <c>suspendMerchant</c>).</summary>
public sealed record MerchantReasonInput(string MerchantId, string Reason);

public sealed class MerchantReasonInputType : InputObjectGraphType<MerchantReasonInput>
{
    public MerchantReasonInputType()
    {
        Name = "MerchantDecisionInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown to the applicant; 1 to 500 characters.");
    }
}
