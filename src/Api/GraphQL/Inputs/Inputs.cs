using CodeScan.Api.GraphQL.Types;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Inputs;

public sealed class RechargeAtCounterInputType : InputObjectGraphType
{
    public RechargeAtCounterInputType()
    {
        Name = "RechargeAtCounterInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("customerPhone").Description("The customer's mobile number; an unknown number is registered.");
        Field<NonNullGraphType<LongGraphType>>("amount").Description("What the customer paid, in minor units (1 to 100000000).");
        Field<NonNullGraphType<LongGraphType>>("bonus").DefaultValue(0L).Description("Stored value granted on top, in minor units (0 to amount).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}
