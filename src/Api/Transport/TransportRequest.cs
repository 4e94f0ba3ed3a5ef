using GraphQL;

namespace CodeScan.Api.Transport;

/// <summary>One GraphQL request as both transports receive it, already checked for shape.</summary>
internal sealed record TransportRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
