namespace CodeScan.Api.Transport.WebSockets;

/// <summary>
/// How many sockets one user and one client address may hold open, bound from the <c>GraphQL:WebSockets</c>
/// configuration section. With Redis the count is the deployment's, across every node (a socket is a member of a
/// sorted set per user and per address, renewed by its node's heartbeat, <c>RedisConnectionSlots</c>); embedded it is
/// this process's. If Redis does not answer in time, a node counts its own sockets until it does. Operations per socket are <see cref="GraphQLTransportOptions.MaxOperationsPerSocket"/>.
/// </summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "GraphQL:WebSockets";

    /// <summary>Signed-in sockets of one user; the next <c>connection_init</c> is answered with close 4429.</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;

    /// <summary>Sockets from one client address, signed in or not; the next socket is closed with 4429 at once.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 100;
}
