using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary>The input of a decision that needs only the merchant (<c>reinstateMerchant</c>).</summary>
public sealed record MerchantIdInput(string MerchantId);

public sealed class MerchantIdInputType : InputObjectGraphType<MerchantIdInput>
{
    public MerchantIdInputType()
    {
        Name = "MerchantIdInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}
