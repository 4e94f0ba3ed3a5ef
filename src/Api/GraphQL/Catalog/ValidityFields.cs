using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Catalog;

/// <summary>The validity fields shared by the card product and coupon template inputs.</summary>
internal static class ValidityFields
{
    public static void AddValidity<TInput>(this InputObjectGraphType<TInput> input)
    {
        input.Field<IntGraphType>("validityDays").Description("Days from issue; or give validUntil (and validFrom).");
        input.Field<DateTimeOffsetGraphType>("validFrom");
        input.Field<DateTimeOffsetGraphType>("validUntil");
    }
}
