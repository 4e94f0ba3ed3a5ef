namespace CodeScan.Application.Common.Messaging;

/// <summary>
/// A command that creates or moves value. The client generates the key (at most 64 characters); a replay
/// with the same key returns the first outcome and has no second effect.
/// </summary>
public interface IIdempotentCommand
{
    string IdempotencyKey { get; }
}
