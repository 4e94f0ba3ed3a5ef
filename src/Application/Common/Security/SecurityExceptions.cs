namespace CodeScan.Application.Common.Security;

/// <summary>No valid token. Surfaces as a GraphQL error with code UNAUTHENTICATED, never as a payload error.</summary>
public sealed class UnauthenticatedException() : Exception("Sign in to do this.");

/// <summary>A valid caller without the right. Surfaces as a GraphQL error with code FORBIDDEN.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// A query or subscription names something that does not exist. Surfaces as a GraphQL error with code
/// NOT_FOUND (commands answer a NOT_FOUND payload error instead).
/// </summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>A query argument that is malformed (a foreign cursor). Surfaces as a GraphQL error with code BAD_USER_INPUT.</summary>
public sealed class InvalidQueryInputException(string message) : Exception(message);
