using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport;

/// <summary>
/// How big a GraphQL document may be and how long an operation may run (configuration section
/// <c>GraphQL:Limits</c>). The document limits are checked while the document is read, before validation: several
/// validation rules and the cost analysis take time that grows faster than the document (a thousand fragment spreads
/// took seconds), so a document must be small before any of them looks at it.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "GraphQL:Limits";

    /// <summary>Characters of query text; longer is <c>DOCUMENT_TOO_LARGE</c>. The largest query a client sends is a few kilobytes.</summary>
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>Lexical tokens (names, punctuators, values); more is <c>TOO_MANY_TOKENS</c>. graphql-js's introspection query has about 400.</summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>Fragment definitions in the document; more is <c>TOO_MANY_FRAGMENTS</c>.</summary>
    public int MaxFragments { get; set; } = 100;

    /// <summary>Fragment spreads (<c>...Name</c>) written in the document; more is <c>TOO_MANY_FRAGMENTS</c>.</summary>
    public int MaxFragmentSpreads { get; set; } = 200;

    /// <summary>
    /// Fields selected, aliases included and each fragment counted at every place it is spread (so fragments that
    /// spread each other twice over cannot multiply a small document); more is <c>TOO_MANY_FIELDS</c>. graphql-js's
    /// introspection query with every option on selects 230, a full page of records with every field 122.
    /// </summary>
    public int MaxFields { get; set; } = 500;

    /// <summary>
    /// Deepest a data operation may nest its selections; deeper is refused by validation (<c>COMPLEXITY</c>). The
    /// deepest documented query is far shallower. Introspection-only operations have their own limit
    /// (<see cref="IntrospectionOptions.MaxDepth"/>).
    /// </summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Highest cost of a data operation, priced by <see cref="RequestCost"/> (a root field 10, a field below it 0.1
    /// times the page size above it); costlier is refused by validation (<c>COMPLEXITY</c>). A full page (100) of any
    /// list with every field fits; sixty quotes do not.
    /// </summary>
    public int MaxComplexity { get; set; } = 3_000;

    /// <summary>
    /// How long one query or mutation, the start of a subscription, or the resolving of one subscription event may
    /// take; then it is cancelled and answered <c>EXECUTION_TIMEOUT</c>. A subscription itself lives on.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>A document over one of the <see cref="RequestLimitsOptions"/> limits; it never reaches validation.</summary>
internal sealed class RequestLimitError : ExecutionError
{
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string TooManyFragments = "TOO_MANY_FRAGMENTS";
    public const string TooManyFields = "TOO_MANY_FIELDS";

    public RequestLimitError(string code, string message)
        : base(message) => Code = code;
}

/// <summary>An operation ran out of <see cref="RequestLimitsOptions.ExecutionTimeout"/> and was cancelled.</summary>
internal sealed class ExecutionTimeoutError : ExecutionError
{
    public const string TimeoutCode = "EXECUTION_TIMEOUT";

    public ExecutionTimeoutError(TimeSpan timeout)
        : base($"The operation took longer than {timeout.TotalSeconds:0.###} seconds and was cancelled.") => Code = TimeoutCode;
}

public static class RequestLimitsExtensions
{
    /// <summary>
    /// Reads documents through <see cref="LimitedDocumentBuilder"/> and resolves subscription events under the
    /// execution timeout; <see cref="GraphQLExecution"/> applies the timeout to the rest.
    /// </summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder builder)
    {
        const global::GraphQL.DI.ServiceLifetime singleton = global::GraphQL.DI.ServiceLifetime.Singleton;
        builder.Services.Register<LimitedDocumentBuilder>(singleton);
        builder.Services.Register<IDocumentBuilder>(services => services.GetRequiredService<LimitedDocumentBuilder>(), singleton, replace: true);
        return builder.AddExecutionStrategy(
            services => new TimedSubscriptionExecutionStrategy(
                services.GetRequiredService<IOptions<RequestLimitsOptions>>(), services.GetService<TimeProvider>() ?? TimeProvider.System),
            OperationType.Subscription);
    }
}
