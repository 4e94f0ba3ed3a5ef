namespace CodeScan.Api.Transport;

/// <summary>
/// Limits and timings of the GraphQL transports, bound from the <c>GraphQL:Transport</c> configuration section.
/// </summary>
public sealed class GraphQLTransportOptions
{
    public const string SectionName = "GraphQL:Transport";

    /// <summary>Largest HTTP request body, and largest WebSocket message, in bytes; larger HTTP bodies get 413.</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Operations in one batched HTTP request (a JSON array); a longer batch gets 400.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>How long a new WebSocket may stay silent before <c>connection_init</c>; then it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent operations on one WebSocket; further <c>subscribe</c> messages receive an <c>error</c>.</summary>
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>
    /// Interval of WebSocket-level ping frames, which keep proxies from dropping idle subscriptions.
    /// <see cref="TimeSpan.Zero"/> turns them off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for the client's answer to its close frame before dropping the socket.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Messages queued for one socket that the client has not read yet; beyond this the client is too slow
    /// and the socket is aborted rather than letting memory grow without bound.
    /// </summary>
    public int MaxPendingMessagesPerSocket { get; set; } = 10_000;

    /// <summary>
    /// Origins allowed to open a WebSocket (for example <c>https://app.codescan.example</c>); empty allows any.
    /// Tokens travel in <c>connection_init</c>, not in cookies, so an open list is not a CSRF risk by itself.
    /// </summary>
    public IList<string> AllowedWebSocketOrigins { get; } = [];
}
