using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Transport;

/// <summary>Runs one request through the schema's document executer; shared by both transports.</summary>
internal static class GraphQLExecution
{
    public static Task<ExecutionResult> ExecuteAsync(
        TransportRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        IValidationRule? transportRule,
        CancellationToken cancellationToken)
    {
        if (!requestServices.GetRequiredService<PersistedQueries>().TryResolve(request, out var query, out var refusal))
        {
            return Task.FromResult(new ExecutionResult { Errors = [refusal!], Executed = false });
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
            options.ValidationRules = [.. DocumentValidator.CoreRules, transportRule];
            options.CachedDocumentValidationRules = [transportRule];
        }

        return executer.ExecuteAsync(options);
    }
}
