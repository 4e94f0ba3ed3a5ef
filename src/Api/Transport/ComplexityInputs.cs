using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// Whether a document's complexity score can change with the request's variables. The complexity analyzer reads
/// a field's <c>first</c>, <c>last</c> and <c>id</c> arguments (list sizes, GraphQL.NET's default impact) and
/// skips what <c>@skip</c> / <c>@include</c> leave out; every other input is the document's text, and the
/// custom impacts in the schema are constants. So a document whose variables reach none of those places scores
/// the same on every request, and the score it passed with when it was cached still holds.
/// </summary>
internal static class ComplexityInputs
{
    private static readonly string[] ListSizeArguments = ["first", "last", "id"];

    /// <summary><c>true</c> when a variable feeds a list-size argument or any directive anywhere in the document.</summary>
    public static bool ReadVariables(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            var readsVariables = definition switch
            {
                GraphQLOperationDefinition operation => ReadVariables(operation.Directives) || ReadVariables(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => ReadVariables(fragment.Directives) || ReadVariables(fragment.SelectionSet),
                _ => false,
            };
            if (readsVariables)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadVariables(GraphQLSelectionSet? selections)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            var readsVariables = selection switch
            {
                GraphQLField field => ReadVariables(field.Directives)
                    || (field.Arguments?.Items ?? []).Any(a => ListSizeArguments.Any(n => a.Name == n) && HasVariable(a.Value))
                    || ReadVariables(field.SelectionSet),
                GraphQLInlineFragment inline => ReadVariables(inline.Directives) || ReadVariables(inline.SelectionSet),
                GraphQLFragmentSpread spread => ReadVariables(spread.Directives),
                _ => true,
            };
            if (readsVariables)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadVariables(GraphQLDirectives? directives) =>
        (directives?.Items ?? []).Any(d => (d.Arguments?.Items ?? []).Any(a => HasVariable(a.Value)));

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => (list.Values ?? []).Any(HasVariable),
        GraphQLObjectValue obj => (obj.Fields ?? []).Any(f => HasVariable(f.Value)),
        _ => false,
    };
}
