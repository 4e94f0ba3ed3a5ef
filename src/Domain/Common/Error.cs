namespace CodeScan.Domain.Common;

/// <summary>An expected failure: a code for machines, a message for people, and the input field it concerns.</summary>
public sealed record Error(ErrorCode Code, string Message, string? Field = null)
{
    public static Error NotFound(string what, string? field = null) => new(ErrorCode.NotFound, $"{what} was not found.", field);

    public static Error Invalid(string message, string? field = null) => new(ErrorCode.InvalidInput, message, field);
}
