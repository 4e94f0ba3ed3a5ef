using CodeScan.Api.GraphQL.Types;
using CodeScan.Domain.Redemptions;
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

public sealed class RedeemInputType : InputObjectGraphType
{
    public RedeemInputType()
    {
        Name = "RedeemInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<PaymentModeType>>("mode").DefaultValue(RedemptionMode.StoredValue);
        Field<LongGraphType>("amount").Description("The bill before discounts, in minor units (1 to 100000000; 0 allowed for a gift coupon). Not for TIMES_CARD.");
        Field<IdGraphType>("timesCardId").Description("TIMES_CARD: the card to use.");
        Field<IntGraphType>("uses").Description("TIMES_CARD: uses to take (default 1).");
        Field<IdGraphType>("couponId").Description("COUPON: the coupon to use.");
        Field<RestPaymentType>("payRestWith").Description("How the rest after discounts is paid (default STORED_VALUE; STORED_VALUE mode also takes STORED_VALUE_THEN_OUTSIDE).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Client-generated, at most 64 characters; a retry with the same key has no second effect.");
    }
}
