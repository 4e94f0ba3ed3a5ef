using GraphQL;

namespace CodeScan.Api.Transport;

/// <summary>One GraphQL request as both transports receive it, already checked for shape.</summary>
/// <param name="Query">The document's text; <c>null</c> when the request names a persisted query by its hash alone.</param>
/// <param name="PersistedQueryHash">Apollo's automatic persisted query hash (<c>extensions.persistedQuery.sha256Hash</c>), lower-case hex.</param>
internal sealed record TransportRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? PersistedQueryHash = null);
