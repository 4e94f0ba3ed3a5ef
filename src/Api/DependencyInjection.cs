using System.Text.Encodings.Web;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Transport;
using CodeScan.Application.Common.Behaviours;
using CodeScan.Infrastructure.Security;
using GraphQL;

namespace CodeScan.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // Order matters: idempotency runs inside the unit of work so its claim shares the transaction (docs/decisions/0003).
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),

                // After the idempotency replay: a retry of a request that went through gets its answer,
                // never RATE_LIMITED, and does not use up a permit.
                typeof(RateLimitBehaviour<,>),
            ];
        });

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<CodeScanSchema>()
            .AddGraphTypes(typeof(CodeScanSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = 12;
                // A full page (100) of alerts with every field is about 2,200.
                complexity.MaxComplexity = 3_000;
            })
            .ConfigureExecutionOptions(options =>
            {
                // The transport authenticated the caller; the application reads it through ICurrentUser.
                var currentUser = options.RequestServices!.GetRequiredService<CurrentUser>();
                currentUser.Principal = options.User ?? currentUser.Principal;
                options.EnableMetrics = false;
                options.ThrowOnUnhandledException = false;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                context.ErrorMessage = environment.IsDevelopment() ? context.OriginalException.Message : "Internal error.";
            }));

        services.AddGraphQLTransports(configuration);
        return services;
    }
}
