using GraphQL;
using GraphQLParser;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// Whether the schema answers introspection (configuration section <c>GraphQL:Introspection</c>), and the limits an
/// introspection-only operation is judged by. graphql-js's own introspection query, which graphql-codegen, GraphiQL
/// and IDE plugins send, is 15 levels deep and scores far above what a data query may; it reads only the schema,
/// held in memory, so it gets limits of its own that fit it, and any other operation keeps the ordinary ones.
/// </summary>
public sealed class IntrospectionOptions
{
    public const string Section = "GraphQL:Introspection";

    /// <summary><c>__schema</c> and <c>__type</c> answered; on in Development unless configured, off elsewhere.</summary>
    public bool Enabled { get; set; }

    /// <summary>Deepest introspection-only operation (graphql-js's query with every option is 15).</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>
    /// Highest complexity score of an introspection-only operation. graphql-js's query with every option scores
    /// about 2.1 million here (three nested lists at the analyzer's 20 per list); a query nesting five lists
    /// (types, fields, type.fields, ...) scores over 3 million and is refused before it could build millions of nodes.
    /// </summary>
    public double MaxComplexity { get; set; } = 3_000_000;
}

internal static class IntrospectionPolicy
{
    /// <summary>With introspection off, <c>__schema</c> and <c>__type</c> are refused (<c>__typename</c> is not introspection of the schema).</summary>
    public static IGraphQLBuilder AddIntrospectionPolicy(this IGraphQLBuilder builder, IntrospectionOptions introspection) =>
        introspection.Enabled ? builder : builder.AddValidationRule(NoIntrospectionValidationRule.Instance);

    /// <summary>
    /// The complexity analyzer's last word: an operation that selects only introspection fields at its root is
    /// judged by <paramref name="introspection"/>'s limits instead of the ordinary ones.
    /// </summary>
    public static Task Judge(ComplexityValidationContext context, IntrospectionOptions introspection)
    {
        var validation = context.ValidationContext;
        if (validation.Operation is { } operation && IsIntrospectionOnly(operation.SelectionSet, validation.Document))
        {
            context.Error = context.MaxDepth > introspection.MaxDepth
                ? new ComplexityError($"Introspection is too nested to execute. Its depth is {context.MaxDepth} levels; introspection may go {introspection.MaxDepth}.")
                : context.TotalImpact > introspection.MaxComplexity
                    ? new ComplexityError($"Introspection is too complex to execute. Its complexity is {context.TotalImpact}; introspection may score {introspection.MaxComplexity}.")
                    : null;
        }

        return Task.CompletedTask;
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
}
