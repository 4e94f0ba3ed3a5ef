namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// How many sockets one user and one client address may hold open on this node, bound from the
/// <c>GraphQL:WebSockets</c> configuration section. Counted per node: behind a load balancer with N nodes a
/// user may hold up to N times as many. Operations per socket are <see cref="GraphQLTransportOptions.MaxOperationsPerSocket"/>.
/// </summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSockets";

    /// <summary>Signed-in sockets of one user; the next <c>connection_init</c> is answered with close 4429.</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;

    /// <summary>Sockets from one client address, signed in or not; the next socket is closed with 4429 at once.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 100;
}
