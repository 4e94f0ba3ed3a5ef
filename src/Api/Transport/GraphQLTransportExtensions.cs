using CodeScan.Api.Transport.Http;
using CodeScan.Api.Transport.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport;

public static class GraphQLTransportExtensions
{
    /// <summary>
    /// Registers GraphQL over HTTP and graphql-transport-ws. The schema itself comes from
    /// <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;...&gt;().AddSystemTextJson())</c>, and
    /// <c>IAccessTokens</c> from the application layer.
    /// </summary>
    public static IServiceCollection AddGraphQLTransports(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var optionsBuilder = services.AddOptions<GraphQLTransportOptions>();
        if (configuration is not null)
        {
            optionsBuilder.Bind(configuration.GetSection(GraphQLTransportOptions.SectionName));
        }

        optionsBuilder
            .Validate(options => options.MaxRequestBytes is > 0 and <= int.MaxValue, "MaxRequestBytes must be between 1 and 2^31-1.")
            .Validate(options => options.ConnectionInitTimeout > TimeSpan.Zero, "ConnectionInitTimeout must be positive.")
            .Validate(options => options.MaxBatchSize > 0, "MaxBatchSize must be positive.")
            .Validate(options => options.MaxOperationsPerSocket > 0, "MaxOperationsPerSocket must be positive.")
            .Validate(options => options.MaxPendingMessagesPerSocket > 0, "MaxPendingMessagesPerSocket must be positive.")
            .Validate(options => options.KeepAliveInterval >= TimeSpan.Zero, "KeepAliveInterval cannot be negative.")
            .Validate(options => options.CloseHandshakeTimeout > TimeSpan.Zero, "CloseHandshakeTimeout must be positive.")
            .ValidateOnStart();

        AddRequestLimits(services, configuration);
        services.AddGraphQLWebSockets(configuration);
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<GraphQLWebSocketHandler>();
        services.AddSingleton<GraphQLTransportEndpoint>();
        return services;
    }

    private static void AddRequestLimits(IServiceCollection services, IConfiguration? configuration)
    {
        var limits = services.AddOptions<RequestLimitsOptions>();
        if (configuration is not null)
        {
            limits.Bind(configuration.GetSection(RequestLimitsOptions.Section));
        }

        limits
            .Validate(l => l.MaxDocumentLength > 0 && l.MaxTokens > 0 && l.MaxFields > 0, "MaxDocumentLength, MaxTokens and MaxFields must be positive.")
            .Validate(l => l.MaxFragments >= 0 && l.MaxFragmentSpreads >= 0, "MaxFragments and MaxFragmentSpreads cannot be negative.")
            .Validate(l => l.MaxDepth > 0 && l.MaxComplexity > 0, "MaxDepth and MaxComplexity must be positive.")
            .Validate(l => l.ExecutionTimeout > TimeSpan.Zero, "ExecutionTimeout must be positive.")
            .ValidateOnStart();
    }

    /// <summary>
    /// Maps both transports on <paramref name="path"/>. The endpoint carries its own WebSocket middleware,
    /// so the app does not need <c>app.UseWebSockets()</c>; calling it as well is harmless.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphQLTransports(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value;
        var endpoint = services.GetRequiredService<GraphQLTransportEndpoint>();

        var webSocketOptions = new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval };
        foreach (var origin in options.AllowedWebSocketOrigins)
        {
            webSocketOptions.AllowedOrigins.Add(origin);
        }

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(webSocketOptions);
        pipeline.Run(endpoint.HandleAsync);

        // No method filter: the handler answers unsupported methods with 405 and an Allow header, as the spec wants.
        endpoints.Map(path, pipeline.Build()).WithDisplayName("GraphQL (HTTP and graphql-transport-ws)");
        return endpoints;
    }
}
