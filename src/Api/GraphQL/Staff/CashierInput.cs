using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Staff;

/// <summary>The input of <c>addCashier</c> and <c>removeCashier</c>: the merchant and the cashier's mobile number.</summary>
public sealed record CashierInput(string MerchantId, string Phone);

public sealed class CashierInputType : InputObjectGraphType<CashierInput>
{
    public CashierInputType()
    {
        Name = "CashierInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The cashier's mobile number.");
    }
}
