using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// Validates a document that <see cref="GraphQLDocumentCache"/> served with no rules left to run (it passed every rule
/// before, and those that read the request cannot refuse it). What is left is the request's own part: coercing its
/// variables and parsing the arguments and directives the operation writes. The document's share of that work is done
/// once per operation and kept beside it (<see cref="OperationPlan"/>) instead of walking the operation twice per
/// request, which was most of a cached query's validation. Every other validation is GraphQL.NET's own validator.
/// </summary>
internal sealed class CachedOperationValidator : IDocumentValidator
{
    private readonly DocumentValidator _full = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, OperationPlan> _plans = [];
    private long _planned;

    /// <summary>Validations answered from an operation's plan (tests and diagnostics).</summary>
    public long Planned => Interlocked.Read(ref _planned);

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not { } rules || rules.Any() || options.Operation is not { } operation)
        {
            return _full.ValidateAsync(options);
        }

        var schema = options.Schema;
        var document = options.Document;
        var plan = _plans.GetValue(operation, _ => OperationPlan.Of(schema, document, operation));
        Interlocked.Increment(ref _planned);
        return plan.ValidateAsync(options);
    }
}

public static class CachedOperationValidatorExtensions
{
    /// <summary>Replaces the document validator with <see cref="CachedOperationValidator"/>, one per service provider.</summary>
    public static IGraphQLBuilder AddCachedOperationValidator(this IGraphQLBuilder builder)
    {
        const global::GraphQL.DI.ServiceLifetime singleton = global::GraphQL.DI.ServiceLifetime.Singleton;
        builder.Services.Register<CachedOperationValidator>(singleton);
        builder.Services.Register<IDocumentValidator>(services => services.GetRequiredService<CachedOperationValidator>(), singleton, replace: true);
        return builder;
    }
}
