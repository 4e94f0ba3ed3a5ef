using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CodeScan.Api.Transport;

/// <summary>
/// What validating one operation of a cached document takes that does not depend on the request, worked out once:
/// the nodes whose arguments or directives are parsed from each request's variables, in the order validation parses
/// them (the operation, then the fragments it spreads, each once), each field with its definition; and validation
/// contexts that have already found which variables feed which arguments (a walk of the operation with type
/// information that GraphQL.NET repeats for every request and keeps in the context). A context is lent to one request
/// at a time and kept only when the request's variables were valid, so it carries nothing from one request to another.
/// </summary>
internal sealed partial class OperationPlan
{
    private readonly GraphQLDocument _document;
    private readonly GraphQLOperationDefinition _operation;
    private readonly IReadOnlyList<Step> _steps;
    private readonly ConcurrentBag<ValidationContext> _contexts = [];

    private OperationPlan(GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyList<Step> steps) =>
        (_document, _operation, _steps) = (document, operation, steps);

    /// <summary>A node whose directives are parsed (<see cref="Field"/> null), or a field whose arguments are.</summary>
    private sealed record Step(ASTNode Node, FieldType? Field);

    public static OperationPlan Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var walk = new Walk(schema, document);
        Walker.Instance.VisitAsync(operation, walk).AsTask().GetAwaiter().GetResult();
        return new OperationPlan(document, operation, walk.Steps);
    }

    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var context = Lend(options);
        var (variables, errors) = await context.GetVariablesValuesAsync();
        if (errors is not null)
        {
            return new ValidationResult(errors) { Variables = variables };
        }

        Keep(context);
        return Parse(options.Schema, variables);
    }

    private ValidationContext Lend(in ValidationOptions options)
    {
        if (!_contexts.TryTake(out var context))
        {
            context = new ValidationContext { Schema = options.Schema, Document = _document, Operation = _operation, TypeInfo = new TypeInfo(options.Schema) };
            context.GetRecursiveVariables(_operation);
        }

        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.UserContext = options.UserContext;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.Metrics = options.Metrics;
        context.CancellationToken = options.CancellationToken;
        return context;
    }

    private void Keep(ValidationContext context)
    {
        (context.Variables, context.Extensions, context.UserContext) = (Inputs.Empty, Inputs.Empty, null!);
        (context.RequestServices, context.User, context.Metrics, context.CancellationToken) = (null, null, null!, default);
        _contexts.Add(context);
    }

    /// <summary>Every argument and directive of the operation with this request's variables, each error reported and the rest parsed on.</summary>
    private ValidationResult Parse(ISchema schema, Variables variables)
    {
        List<ValidationError>? errors = null;
        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        foreach (var step in _steps)
        {
            try
            {
                if (step is { Node: GraphQLField field, Field: { } definition })
                {
                    if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, _document, field, null) is { } parsed)
                    {
                        (arguments ??= [])[field] = parsed;
                    }
                }
                else if (ExecutionHelper.GetDirectives((IHasDirectivesNode)step.Node, variables, schema, _document) is { } found)
                {
                    (directives ??= [])[step.Node] = found;
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return new ValidationResult(errors ?? []) { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
    }

    private sealed class Walk(ISchema schema, GraphQLDocument document) : IASTVisitorContext
    {
        public ISchema Schema { get; } = schema;

        public GraphQLDocument Document { get; } = document;

        public List<Step> Steps { get; } = [];

        public Stack<IComplexGraphType> Types { get; } = new();

        public HashSet<ROM> Spread { get; } = [];

        public CancellationToken CancellationToken => default;
    }
}
