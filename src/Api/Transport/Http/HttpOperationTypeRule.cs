using GraphQL.Validation;
using GraphQLParser.AST;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// Keeps HTTP to the operations it can carry: GET only reads (GraphQL over HTTP, "GET" section), and no
/// subscription runs over HTTP because a single response cannot carry a stream. Running as a validation rule
/// means the executer's own parsing and operation selection decide what the operation is. On a cached document
/// the cache asks <see cref="Allows"/> first and runs the rule only when the operation is refused, so the
/// refusal is reported exactly as on a first sending.
/// </summary>
internal sealed class HttpOperationTypeRule : ValidationRuleBase, IOperationTypeRule
{
    public static readonly HttpOperationTypeRule ForGet = new(allowMutations: false);
    public static readonly HttpOperationTypeRule ForPost = new(allowMutations: true);

    private readonly bool allowMutations;

    private HttpOperationTypeRule(bool allowMutations) => this.allowMutations = allowMutations;

    public bool Allows(OperationType operation) =>
        operation == OperationType.Query || (allowMutations && operation == OperationType.Mutation);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (Allows(operation.Operation))
        {
            return default;
        }

        if (operation.Operation == OperationType.Subscription)
        {
            context.ReportError(new SubscriptionOverHttpError(context.Document.Source, operation));
        }
        else
        {
            context.ReportError(new MutationOverGetError(context.Document.Source, operation));
        }

        return default;
    }
}

/// <summary>A mutation arrived by GET; the HTTP transport answers 405 with <c>Allow: POST</c>.</summary>
internal sealed class MutationOverGetError : ValidationError
{
    public MutationOverGetError(GraphQLParser.ROM source, ASTNode operation)
        : base(source, null, "Mutations must be sent with POST; GET is for queries only.", operation)
        => Code = "MUTATION_OVER_GET";
}

/// <summary>A subscription arrived over HTTP; it is reported like any other validation error.</summary>
internal sealed class SubscriptionOverHttpError : ValidationError
{
    public SubscriptionOverHttpError(GraphQLParser.ROM source, ASTNode operation)
        : base(source, null, "Subscriptions are served over WebSocket (graphql-transport-ws) only, not over HTTP.", operation)
        => Code = "SUBSCRIPTION_OVER_HTTP";
}
