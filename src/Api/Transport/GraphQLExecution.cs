using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Transport;

/// <summary>Runs one request through the schema's document executer; shared by both transports.</summary>
internal static class GraphQLExecution
{
    /// <summary>The rules with each transport's rule, built once per rule (the executer only reads them).</summary>
    private static readonly ConcurrentDictionary<IValidationRule, RuleSet> RuleSets = new();

    /// <param name="cancellationToken">Cancelled when the client goes away; the operation is cancelled with it.</param>
    public static async Task<ExecutionResult> ExecuteAsync(
        TransportRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        IValidationRule? transportRule,
        CancellationToken cancellationToken)
    {
        if (!requestServices.GetRequiredService<PersistedQueries>().TryResolve(request, out var query, out var refusal))
        {
            return new ExecutionResult { Errors = [refusal!], Executed = false };
        }

        var executer = requestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var options = new ExecutionOptions
        {
            Query = query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = requestServices,
            User = user,
            CancellationToken = cancellationToken,
        };

        if (transportRule is not null)
        {
            // Rules registered through AddGraphQL are appended to these by the executer's configuration step.
            // The rule also runs for cached documents: a document cached from a POST must not slip through a GET.
            var rules = RuleSets.GetOrAdd(transportRule, static rule => new([.. DocumentValidator.CoreRules, rule], [rule]));
            options.ValidationRules = rules.All;
            options.CachedDocumentValidationRules = rules.Cached;
        }

        return await ExecutionTimeout.RunAsync(requestServices, cancellationToken, token =>
        {
            options.CancellationToken = token;
            return executer.ExecuteAsync(options);
        });
    }

    private sealed record RuleSet(IValidationRule[] All, IValidationRule[] Cached);
}
