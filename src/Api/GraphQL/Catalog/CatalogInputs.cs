using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

internal static class ValidityFields
{
    public static void AddValidity(this InputObjectGraphType input)
    {
        input.Field<IntGraphType>("validityDays").Description("Days from issue; or give validUntil (and validFrom).");
        input.Field<DateTimeOffsetGraphType>("validFrom");
        input.Field<DateTimeOffsetGraphType>("validUntil");
    }
}

public sealed class DefineCardProductInputType : InputObjectGraphType
{
    public DefineCardProductInputType()
    {
        Name = "DefineCardProductInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<CardKindType>>("kind");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<LongGraphType>>("price").Description("Minor units, greater than 0.");
        Field<IntGraphType>("uses").Description("TIMES_CARD: 1 to 1000.");
        Field<IntGraphType>("payRateBasisPoints").Description("MEMBERSHIP_CARD: 1 to 9999 (8800 = 12% off).");
        this.AddValidity();
    }
}

public sealed class DefineCouponTemplateInputType : InputObjectGraphType
{
    public DefineCouponTemplateInputType()
    {
        Name = "DefineCouponTemplateInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<CouponKindType>>("kind");
        Field<LongGraphType>("amountOff");
        Field<IntGraphType>("percentOff");
        Field<LongGraphType>("cap");
        Field<LongGraphType>("threshold");
        Field<StringGraphType>("giftName");
        Field<NonNullGraphType<LongGraphType>>("price").Description("Minor units; 0 = free to claim.");
        this.AddValidity();
        Field<NonNullGraphType<IntGraphType>>("totalStock");
        Field<NonNullGraphType<IntGraphType>>("perCustomerLimit");
    }
}

public sealed class DefineRechargePlanInputType : InputObjectGraphType
{
    public DefineRechargePlanInputType()
    {
        Name = "DefineRechargePlanInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<LongGraphType>>("payEvery");
        Field<NonNullGraphType<LongGraphType>>("bonusEach");
        Field<NonNullGraphType<LongGraphType>>("minAmount");
        Field<NonNullGraphType<LongGraphType>>("maxAmount");
    }
}

public sealed class ChangeCatalogItemStatusInputType : InputObjectGraphType
{
    public ChangeCatalogItemStatusInputType()
    {
        Name = "ChangeCatalogItemStatusInput";
        Field<NonNullGraphType<IdGraphType>>("merchantId");
        Field<NonNullGraphType<IdGraphType>>("itemId").Description("A card product, coupon template or recharge plan id.");
        Field<NonNullGraphType<CatalogActionType>>("action");
    }
}
