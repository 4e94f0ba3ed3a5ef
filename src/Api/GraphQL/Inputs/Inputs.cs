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
