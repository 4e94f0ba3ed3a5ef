using GraphQL.Validation.Complexity;

namespace CodeScan.Api.Transport;

/// <summary>
/// What a field costs against the complexity limit, calibrated to the work behind it. A root field is a use case:
/// a handler run, a read-model or database read. Every field below it reads a property of what that read loaded,
/// so it costs a tenth of a point, times the page size or list length above it; <c>__typename</c> costs nothing. Root
/// fields that do more work say so on the field (<c>WithComplexityImpact</c>, e.g. <see cref="PriceQuote"/>). So a
/// full page (100) of any list with every field fits the limit, while a document that asks for hundreds of root
/// fields (aliases) does not, nor sixty quotes. The limits themselves are configured (<see cref="RequestLimitsOptions"/>).
/// </summary>
internal static class RequestCost
{
    /// <summary>A root query, mutation or subscription field: one use case run.</summary>
    public const double RootField = 10;

    /// <summary>
    /// Root fields that do more than one read: <c>quote</c> and <c>scanMerchant</c> load the caller's holdings and
    /// the merchant's catalog and price the bill; the records queries read a page from a filtered, sorted list.
    /// </summary>
    public const double PriceQuote = 50;

    /// <inheritdoc cref="PriceQuote"/>
    public const double ScanMerchant = 50;

    /// <inheritdoc cref="PriceQuote"/>
    public const double RecordsPage = 30;

    /// <summary>Any field below a root field: a property of what was loaded.</summary>
    public const double NestedField = 0.1;

    /// <summary>Items assumed in a list that takes no <c>first</c>/<c>last</c> (a wallet's cards, a merchant's staff).</summary>
    public const double ListLength = 10;

    /// <summary>A cost as people read it: 3,081.7 rather than 3081.7000000000003.</summary>
    public static string Format(double cost) => cost.ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cost model, with the depth and complexity limits of <paramref name="limits"/>.</summary>
    public static ComplexityOptions Options(RequestLimitsOptions limits)
    {
        var options = new ComplexityOptions();
        options.MaxDepth = limits.MaxDepth;
        options.MaxComplexity = limits.MaxComplexity;
        options.DefaultScalarImpact = NestedField;
        options.DefaultObjectImpact = NestedField;
        options.DefaultListImpactMultiplier = ListLength;
        var byShape = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
        {
            var cost = byShape(context);
            var schema = context.ValidationContext.Schema;
            if (context.FieldDefinition.Name == "__typename")
            {
                // Known without reading anything.
                cost.FieldImpact = 0;
            }
            else if (context.ParentType == schema.Query || context.ParentType == schema.Mutation || context.ParentType == schema.Subscription)
            {
                cost.FieldImpact = RootField;
            }

            return cost;
        };
        return options;
    }
}
