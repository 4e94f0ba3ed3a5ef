using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// Whether the schema answers introspection (configuration section <c>GraphQL:Introspection</c>), and the limits an
/// introspection-only operation is judged by. graphql-js's own introspection query, which graphql-codegen, GraphiQL
/// and IDE plugins send, is 15 levels deep and costs far more than a data query may; it reads only the schema, held
/// in memory, so it gets limits of its own that fit it, and any other operation keeps the ordinary ones.
/// </summary>
public sealed class IntrospectionOptions
{
    public const string Section = "GraphQL:Introspection";

    /// <summary><c>__schema</c> and <c>__type</c> answered; on in Development unless configured, off elsewhere.</summary>
    public bool Enabled { get; set; }

    /// <summary>Deepest introspection-only operation (graphql-js's query with every option is 15, through <c>ofType</c>).</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>
    /// Lists nested in lists (types → fields → args is 3, as deep as graphql-js's query goes). What an introspection
    /// answer builds grows with each list level, so this, not the depth, is what keeps it small.
    /// </summary>
    public int MaxListNesting { get; set; } = 3;

    /// <summary>Highest cost of an introspection-only operation: graphql-js's query costs about 60,000 here, so two copies fit (aliases), three do not.</summary>
    public double MaxComplexity { get; set; } = 150_000;
}

internal static class IntrospectionPolicy
{
    private static readonly HashSet<string> ListFields = ["types", "fields", "args", "inputFields", "enumValues", "interfaces", "possibleTypes", "directives"];

    /// <summary>With introspection off, <c>__schema</c> and <c>__type</c> are refused (<c>__typename</c> is not introspection of the schema).</summary>
    public static IGraphQLBuilder AddIntrospectionPolicy(this IGraphQLBuilder builder, IntrospectionOptions introspection) =>
        introspection.Enabled ? builder : builder.AddValidationRule(NoIntrospectionValidationRule.Instance);

    /// <summary>Why an introspection-only operation is refused, or <c>null</c> when it fits the introspection limits.</summary>
    public static string? Refusal(GraphQLOperationDefinition operation, GraphQLDocument document, double cost, int depth, IntrospectionOptions introspection)
    {
        var lists = ListNesting(operation.SelectionSet, document, 0);
        return depth > introspection.MaxDepth
            ? $"Introspection is too nested to execute: it is {depth} levels deep; introspection may go {introspection.MaxDepth}."
            : lists > introspection.MaxListNesting
                ? $"Introspection is too complex to execute: it nests {lists} lists (such as types, fields, args); introspection may nest {introspection.MaxListNesting}."
                : cost > introspection.MaxComplexity
                    ? $"Introspection is too complex to execute: it costs {RequestCost.Format(cost)}; introspection may cost {RequestCost.Format(introspection.MaxComplexity)}."
                    : null;
    }

    /// <summary>Every root selection is <c>__schema</c>, <c>__type</c> or <c>__typename</c>, fragments included.</summary>
    public static bool IsIntrospectionOnly(GraphQLSelectionSet selections, GraphQLDocument document, int fragmentHops = 0) =>
        fragmentHops <= 8 && selections.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.Value.Span.StartsWith("__"),
            GraphQLInlineFragment inline => IsIntrospectionOnly(inline.SelectionSet, document, fragmentHops + 1),
            GraphQLFragmentSpread spread => document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                && IsIntrospectionOnly(fragment.SelectionSet, document, fragmentHops + 1),
            _ => false,
        });

    /// <summary>The most introspection lists nested in one another below these selections (fragments followed, at most 32 levels).</summary>
    private static int ListNesting(GraphQLSelectionSet? selections, GraphQLDocument document, int level) =>
        selections is null || level > 32 ? 0 : selections.Selections.Select(selection => selection switch
        {
            GraphQLField field => (ListFields.Contains(field.Name.StringValue) ? 1 : 0) + ListNesting(field.SelectionSet, document, level + 1),
            GraphQLInlineFragment inline => ListNesting(inline.SelectionSet, document, level + 1),
            GraphQLFragmentSpread spread => ListNesting(document.FindFragmentDefinition(spread.FragmentName.Name.Value)?.SelectionSet, document, level + 1),
            _ => 0,
        }).DefaultIfEmpty(0).Max();
}
