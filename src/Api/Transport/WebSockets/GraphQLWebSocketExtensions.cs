using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Transport.WebSockets;

internal static class GraphQLWebSocketExtensions
{
    /// <summary>The per-user and per-address socket limits (<see cref="GraphQLWebSocketOptions"/>).</summary>
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, IConfiguration? configuration)
    {
        var optionsBuilder = services.AddOptions<GraphQLWebSocketOptions>();
        if (configuration is not null)
        {
            optionsBuilder.Bind(configuration.GetSection(GraphQLWebSocketOptions.SectionName));
        }

        optionsBuilder
            .Validate(options => options.MaxConnectionsPerUser > 0, "MaxConnectionsPerUser must be positive.")
            .Validate(options => options.MaxConnectionsPerAddress > 0, "MaxConnectionsPerAddress must be positive.")
            .ValidateOnStart();
        services.AddSingleton<WebSocketConnectionLimits>();
        return services;
    }
}
