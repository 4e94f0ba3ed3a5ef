using CodeScan.Api.GraphQL.Types;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Inputs;

public sealed class RegisterMerchantInputType : InputObjectGraphType
{
    public RegisterMerchantInputType()
    {
        Name = "RegisterMerchantInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("At most 100 characters.");
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Description("A mobile number; mainland China numbers may omit +86.");
        Field<NonNullGraphType<StringGraphType>>("businessLicenceNumber").Description("Letters and digits, at most 32.");
        Field<NonNullGraphType<StringGraphType>>("address").Description("At most 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("category").Description("At most 50 characters.");
        Field<LocaleType>("locale").Description("The language the till speaks; ZH_CN when omitted.");
        Field<StringGraphType>("currency").Description("ISO 4217; CNY when omitted.");
    }
}

public sealed class ApproveMerchantInputType : InputObjectGraphType
{
    public ApproveMerchantInputType()
    {
        Name = "ApproveMerchantInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
    }
}

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
