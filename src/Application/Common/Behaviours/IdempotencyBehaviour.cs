using System.Security.Cryptography;
using System.Text.Json;
using CodeScan.Application.Common.Idempotency;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Answers a repeated (caller, key) with the first outcome. Runs outside the unit of work and reads nothing
/// on the way in (docs/decisions/0003): a new key — almost every request — goes straight to the command,
/// whose successful outcome <see cref="IdempotencyRecordBehaviour{TMessage,TResponse}"/> stores with its
/// commit. The store is asked only when the command did not go through: it lost the race for the key at
/// commit, or it failed — perhaps only because the first attempt already spent the balance or the permit.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IIdempotencyStore store, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IIdempotentCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (IdempotencyKeyTakenException)
        {
            return await StoredAsync(message, cancellationToken)
                   ?? throw new InvalidOperationException("An idempotency key was taken, but its record is not there.");
        }

        return response is IOutcome { IsSuccess: false }
            ? await StoredAsync(message, cancellationToken) ?? response
            : response;
    }

    private async Task<TResponse?> StoredAsync(TMessage message, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(currentUser.RequiredId.ToString(), message.IdempotencyKey, IdempotencyHash.Of(message), cancellationToken);
        return stored switch
        {
            IdempotencyClaim.Replay replay => JsonSerializer.Deserialize<TResponse>(replay.ResponseJson, IdempotencyHash.Json)!,
            IdempotencyClaim.Conflict => OutcomeFactory<TResponse>.Failure(new Error(
                ErrorCode.IdempotencyKeyReused,
                "This idempotency key was already used for a different request.",
                "idempotencyKey")),
            _ => default,
        };
    }
}

/// <summary>
/// Inside the unit of work: a successful outcome is stored with the command's commit, keyed by (caller, key)
/// with the hash of the request. Only successes are stored; a refused attempt changed nothing and may be
/// retried with the same key.
/// </summary>
public sealed class IdempotencyRecordBehaviour<TMessage, TResponse>(IIdempotencyStore store, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IIdempotentCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is not IOutcome { IsSuccess: false })
        {
            store.Record(currentUser.RequiredId.ToString(), message.IdempotencyKey, IdempotencyHash.Of(message), JsonSerializer.Serialize(response, IdempotencyHash.Json));
        }

        return response;
    }
}

/// <summary>The SHA-256 of a command's type and JSON: the same key with another request is a conflict.</summary>
internal static class IdempotencyHash
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>SHA-256 of the message type's full name followed by the message as JSON, in one call (an incremental hash costs a digest context per request).</summary>
    public static string Of<TMessage>(TMessage message)
        where TMessage : notnull
    {
        var type = message.GetType();
        var name = System.Text.Encoding.UTF8.GetBytes(type.FullName!);
        var body = JsonSerializer.SerializeToUtf8Bytes(message, type, Json);
        var hashed = new byte[name.Length + body.Length];
        name.CopyTo(hashed, 0);
        body.CopyTo(hashed, name.Length);
        return Convert.ToHexString(SHA256.HashData(hashed));
    }
}
