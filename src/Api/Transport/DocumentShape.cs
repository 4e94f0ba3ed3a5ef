using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// Counts what validation will have to look at in a parsed document, in one pass: fragment definitions, the fragment
/// spreads written, and the fields selected with every fragment counted where it is spread. A fragment's count is
/// worked out once and remembered, so fragments that spread one another many times over cost no more to count than
/// to read; a cycle counts nothing here (validation reports it).
/// </summary>
internal sealed class DocumentShape
{
    /// <summary>Far above any limit, far below overflow.</summary>
    private const long Saturated = 1L << 40;

    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = [];
    private readonly Dictionary<string, long> fieldsPerFragment = [];
    private readonly HashSet<string> counting = [];
    private int spreads;

    private DocumentShape(GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    /// <summary>Throws a <see cref="RequestLimitError"/> when the document is over a limit.</summary>
    public static void Check(GraphQLDocument document, RequestLimitsOptions limits)
    {
        var definitions = document.Definitions.Count(d => d is GraphQLFragmentDefinition);
        if (definitions > limits.MaxFragments)
        {
            throw new RequestLimitError(RequestLimitError.TooManyFragments,
                $"The document defines {definitions:N0} fragments; at most {limits.MaxFragments:N0} are allowed.");
        }

        var shape = new DocumentShape(document);
        var fields = document.Definitions.OfType<GraphQLOperationDefinition>()
            .Aggregate(0L, (total, operation) => Math.Min(total + shape.Fields(operation.SelectionSet), Saturated));
        foreach (var name in shape.fragments.Keys)
        {
            shape.FieldsOf(name);
        }

        if (shape.spreads > limits.MaxFragmentSpreads)
        {
            throw new RequestLimitError(RequestLimitError.TooManyFragments,
                $"The document spreads fragments {shape.spreads:N0} times; at most {limits.MaxFragmentSpreads:N0} spreads are allowed.");
        }

        if (fields > limits.MaxFields)
        {
            throw new RequestLimitError(RequestLimitError.TooManyFields, (fields >= Saturated ? "The document selects too many fields" : $"The document selects {fields:N0} fields")
                + $" (aliases included, a fragment counted wherever it is spread); at most {limits.MaxFields:N0} are allowed.");
        }
    }

    private long Fields(GraphQLSelectionSet? selections)
    {
        var total = 0L;
        foreach (var selection in selections?.Selections ?? [])
        {
            var count = selection switch
            {
                GraphQLField field => 1 + Fields(field.SelectionSet),
                GraphQLInlineFragment inline => Fields(inline.SelectionSet),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                _ => 0,
            };
            total = Math.Min(total + count, Saturated);
        }

        return total;
    }

    private long Spread(string name)
    {
        spreads++;
        return FieldsOf(name);
    }

    /// <summary>The fields a spread of fragment <paramref name="name"/> selects; its own spreads are counted the first time only.</summary>
    private long FieldsOf(string name)
    {
        if (fieldsPerFragment.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment) || !counting.Add(name))
        {
            return 0;
        }

        var fields = Fields(fragment.SelectionSet);
        counting.Remove(name);
        fieldsPerFragment[name] = fields;
        return fields;
    }
}
