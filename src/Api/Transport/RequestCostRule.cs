using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// The complexity limit (<see cref="RequestCost"/>) with refusals that say where the cost is: each root field's cost,
/// costliest first, and what inside the costliest one costs the most. Introspection-only operations are judged by
/// their own limits (<see cref="IntrospectionPolicy"/>).
/// </summary>
internal sealed class RequestCostRule(ComplexityOptions options, IntrospectionOptions introspection) : ComplexityValidationRule(options)
{
    private const int Listed = 5;

    protected override async ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (context.Operation is not { } operation)
        {
            return;
        }

        var message = IntrospectionPolicy.IsIntrospectionOnly(operation.SelectionSet, context.Document)
            ? IntrospectionPolicy.Refusal(operation, context.Document, totalComplexity, maxDepth, introspection)
            : maxDepth > Options.MaxDepth
                ? $"Query is too nested to execute: it is {maxDepth} levels deep; the maximum allowed on this endpoint is {Options.MaxDepth}."
                : totalComplexity > Options.MaxComplexity
                    ? $"Query is too complex to execute: its complexity is {RequestCost.Format(totalComplexity)}; the maximum allowed on this endpoint is " +
                      $"{RequestCost.Format(Options.MaxComplexity ?? 0)}. {await WhereItCostsAsync(context, operation)} Ask for fewer items (first, last), fewer fields or fewer aliases."
                    : null;
        if (message is not null)
        {
            context.ReportError(new ComplexityError(message));
        }
    }

    /// <summary>"It costs: a 1,200, b 900, …; inside a: edges 600, nodes 600."</summary>
    private async Task<string> WhereItCostsAsync(ValidationContext context, GraphQLOperationDefinition operation)
    {
        var roots = await CostsAsync(context, operation, operation.SelectionSet.Selections.Select(s => (s, s)));
        var text = "It costs: " + Describe(roots) + ".";
        if (roots.Count > 0 && roots[0].Selection is GraphQLField { SelectionSet: { } inside } costliest)
        {
            // The costliest field again with one child at a time (and with none, for its own cost). The copies read
            // the arguments (first, last) the validation parsed for the field itself.
            var copies = inside.Selections.Select(child => (Label: child, Root: (ASTNode)WithOnly(costliest, child))).ToList();
            var alone = WithOnly(costliest, null);
            var arguments = context.ArgumentValues;
            if (arguments?.TryGetValue(costliest, out var parsed) == true)
            {
                context.ArgumentValues = new(arguments);
                copies.ForEach(copy => context.ArgumentValues[(GraphQLField)copy.Root] = parsed);
                context.ArgumentValues[alone] = parsed;
            }

            try
            {
                var ownCost = (await CostsAsync(context, operation, [(alone, alone)]))[0].Points;
                var children = await CostsAsync(context, operation, copies);
                text += $" Inside {Label(costliest)}: " + Describe(children.Select(c => c with { Points = c.Points - ownCost }).ToList()) + ".";
            }
            finally
            {
                context.ArgumentValues = arguments;
            }
        }

        return text;
    }

    /// <summary>The cost of each selection, its root scored as an operation of its own; costliest first.</summary>
    private async Task<List<Cost>> CostsAsync(ValidationContext context, GraphQLOperationDefinition operation, IEnumerable<(ASTNode Label, ASTNode Root)> selections)
    {
        var costs = new List<Cost>();
        try
        {
            foreach (var (label, root) in selections)
            {
                context.Operation = new GraphQLOperationDefinition(new GraphQLSelectionSet([root]))
                {
                    Operation = operation.Operation,
                    Variables = operation.Variables,
                };
                costs.Add(new Cost(label, (await CalculateComplexityAsync(context)).TotalComplexity));
            }
        }
        finally
        {
            context.Operation = operation;
        }

        return [.. costs.OrderByDescending(c => c.Points)];
    }

    private static GraphQLField WithOnly(GraphQLField field, ASTNode? child) => new(field.Name)
    {
        Alias = field.Alias,
        Arguments = field.Arguments,
        Directives = field.Directives,
        SelectionSet = child is null ? null : new GraphQLSelectionSet([child]),
    };

    private static string Describe(List<Cost> costs) =>
        string.Join(", ", costs.Take(Listed).Select(c => $"{Label(c.Selection)} {RequestCost.Format(c.Points)}"))
        + (costs.Count > Listed ? $" and {costs.Count - Listed} more" : "");

    private static string Label(ASTNode selection) => selection switch
    {
        GraphQLField { Alias: { } alias } field => $"{alias.Name.StringValue}: {field.Name.StringValue}",
        GraphQLField field => field.Name.StringValue,
        GraphQLFragmentSpread spread => "..." + spread.FragmentName.Name.StringValue,
        GraphQLInlineFragment inline => "... on " + (inline.TypeCondition?.Type.Name.StringValue ?? "(same type)"),
        _ => selection.Kind.ToString(),
    };

    private sealed record Cost(ASTNode Selection, double Points);
}
