using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace CodeScan.Api.Transport;

/// <summary>
/// Parsed and validated documents by query text, so a query sent again is neither parsed nor validated
/// again. Only a document that passed validation and ran is kept. On a hit the executer runs just the
/// rules registered for cached documents (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>):
/// those that depend on the request rather than on the text — the HTTP operation-type rule (a mutation
/// cached from a POST is still refused over GET) and the complexity limit (list sizes can come from
/// variables) — and it still coerces the variables. Those rules are answered without a validation pass when
/// they cannot refuse: an operation type the transport allows (<see cref="IOperationTypeRule"/>), and a
/// complexity score no variable can change (<see cref="ComplexityInputs"/>). Authorization is untouched:
/// resolvers and the application pipeline check the request's own user on every execution.
/// </summary>
internal sealed class GraphQLDocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>Longest query text kept; longer ones are parsed every time (they are rare and would crowd out the rest).</summary>
    public const int MaxQueryLength = 32 * 1024;

    /// <summary>Characters of query text kept in all; a parsed document takes roughly ten times as many bytes.</summary>
    public const long MaxTotalLength = 1024 * 1024;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MaxTotalLength });
    private long _hits;
    private long _misses;
    private long _hitsWithoutRules;

    /// <summary>Executions served from the cache (tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Cache hits whose rules could not refuse, so they ran without a validation pass (tests and diagnostics).</summary>
    public long HitsWithoutRules => Interlocked.Read(ref _hitsWithoutRules);

    /// <summary>Executions that parsed their document.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>After the option configurations (100), which set the validation rules this replaces on a hit.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= MaxQueryLength } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out Entry? cached) && cached is not null)
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached.Document;
            var rules = options.CachedDocumentValidationRules ?? [];
            if (cached.NoneCanRefuse(rules, options.OperationName))
            {
                Interlocked.Increment(ref _hitsWithoutRules);
                rules = [];
            }

            options.ValidationRules = rules;
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(options);

        // Executed: the document parsed and passed every rule (with this request's variables and transport).
        if (result.Executed && result.Document is { } document)
        {
            var entry = new Entry(document, ComplexityInputs.ReadVariables(document), Entry.OperationOf(document, options.OperationName));
            _documents.Set(query, entry, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();

    /// <param name="Scored">The operation the complexity limit scored when the document was cached (the score is per operation).</param>
    private sealed record Entry(GraphQLDocument Document, bool ComplexityReadsVariables, GraphQLOperationDefinition? Scored)
    {
        /// <summary>The operation run when the request names none (what most clients send), found once.</summary>
        private readonly GraphQLOperationDefinition? _unnamed = OperationOf(Document, null);

        /// <summary>Whether every one of the rules is sure to pass for the operation the request runs.</summary>
        public bool NoneCanRefuse(IEnumerable<IValidationRule> rules, string? operationName)
        {
            var operation = string.IsNullOrEmpty(operationName) ? _unnamed : OperationOf(Document, operationName);
            foreach (var rule in rules)
            {
                if (!CannotRefuse(rule, operation))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the rule is sure to pass for this operation of the document, whatever the request's variables.</summary>
        private bool CannotRefuse(IValidationRule rule, GraphQLOperationDefinition? operation) => operation is not null && rule switch
        {
            IOperationTypeRule transport => transport.Allows(operation.Operation),
            ComplexityValidationRule => !ComplexityReadsVariables && operation == Scored,
            _ => false,
        };

        /// <summary>
        /// The operation the executer will run, chosen as it chooses (DocumentExecuter.GetOperation): the only one
        /// when no name is given, else the one with that name; <c>null</c> when none fits (the executer reports that).
        /// </summary>
        public static GraphQLOperationDefinition? OperationOf(GraphQLDocument document, string? operationName)
        {
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
            return string.IsNullOrEmpty(operationName)
                ? (operations.Take(2).ToList() is [var only] ? only : null)
                : operations.FirstOrDefault(operation => operation.Name == operationName);
        }
    }
}

public static class GraphQLDocumentCacheExtensions
{
    /// <summary>Caches parsed and validated documents (<see cref="GraphQLDocumentCache"/>), one cache per service provider.</summary>
    public static IGraphQLBuilder AddDocumentCache(this IGraphQLBuilder builder)
    {
        builder.Services.Register<GraphQLDocumentCache>(global::GraphQL.DI.ServiceLifetime.Singleton);
        return builder.ConfigureExecution(services => services.GetRequiredService<GraphQLDocumentCache>());
    }
}
