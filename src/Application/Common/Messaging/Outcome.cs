using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Messaging;

/// <summary>
/// What a command returns: its result, or the expected error that stopped it. Plain data, so an
/// idempotent replay can return exactly the stored first outcome.
/// </summary>
public sealed record Outcome<T>(T? Value, Error? Error) : IOutcome
{
    public bool IsSuccess => Error is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Fail(Error error) => new(default, error);

    public static implicit operator Outcome<T>(Error error) => Fail(error);
}

/// <summary>Lets pipeline behaviours see whether any command's outcome is an expected error.</summary>
public interface IOutcome
{
    bool IsSuccess { get; }

    Error? Error { get; }
}
