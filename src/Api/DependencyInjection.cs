using System.Text.Encodings.Web;
using CodeScan.Api.Diagnostics;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Transport;
using CodeScan.Application.Common.Behaviours;
using CodeScan.Infrastructure.Security;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQL.Validation.Rules.Custom;

namespace CodeScan.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // Order matters (docs/decisions/0003): a repeated idempotency key is answered outside the unit of work,
            // after the commit lost the race for the key or the command failed; the outcome is recorded inside it,
            // with the commit. A behaviour whose type constrains the message (commands, idempotent commands,
            // rate-limited messages) is only in the pipelines of messages that meet it: a query resolves none of them
            // and none of their dependencies (the database context among them).
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(IdempotencyRecordBehaviour<,>),

                // A retry of a request that went through is answered with its outcome even when it meets the
                // limit: the refusal sends the idempotency behaviour to the stored outcome.
                typeof(RateLimitBehaviour<,>),
            ];
        });

        AddGraphQLExecution(services, configuration, environment);
        services.AddGraphQLTransports(configuration);
        services.AddCrossOriginRequests(configuration, environment);
        return services;
    }

    private static void AddGraphQLExecution(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var introspection = IntrospectionOptionsFrom(configuration, environment);
        // The cost rule is built here, once, from the same section the transport validates at start-up.
        var limits = configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        var suggestions = SuggestionsOptions.From(configuration, environment);
        services.AddScoped<RequestCorrelation>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<CodeScanSchema>()
            .AddGraphTypes(typeof(CodeScanSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Fields of a query are resolved one after another, as mutations are: they share the request's database
            // context, which runs one command at a time, and the parallel strategy's task per field costs more than
            // it saves when almost every field is a property read.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // The complexity limit runs for cached documents too: list sizes can come from variables.
            .AddValidationRule(new RequestCostRule(RequestCost.Options(limits), introspection), useForCachedDocuments: true)
            .AddDocumentCache()
            .AddCachedOperationValidator()
            .AddRequestLimits()
            .ConfigureExecutionOptions(options =>
            {
                // The transport authenticated the caller; the application reads it through ICurrentUser.
                var currentUser = options.RequestServices!.GetRequiredService<CurrentUser>();
                currentUser.Principal = options.User ?? currentUser.Principal;
                options.EnableMetrics = false;
                options.ThrowOnUnhandledException = false;
            })
            // Details go to the log under a correlation id; outside Development the caller gets only the id.
            .AddUnhandledExceptionHandler(ErrorPosture.OnUnhandled)
            .AddErrorInfoProvider(new ErrorPosture(environment.IsDevelopment(), suggestions.Enabled))
            .AddIntrospectionPolicy(introspection));
    }

    internal static IntrospectionOptions IntrospectionOptionsFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(IntrospectionOptions.Section);
        var options = section.Get<IntrospectionOptions>() ?? new IntrospectionOptions();
        if (section[nameof(IntrospectionOptions.Enabled)] is null)
        {
            options.Enabled = environment.IsDevelopment();
        }

        return options;
    }
}
