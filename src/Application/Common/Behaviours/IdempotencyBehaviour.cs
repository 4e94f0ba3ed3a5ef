using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeScan.Application.Common.Idempotency;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Runs inside the unit of work (see docs/decisions/0003): the claim on (caller, key) is written in the
/// same transaction as the effect, so concurrent duplicates serialize on it and exactly one has an effect.
/// Only successful outcomes are remembered; a refused attempt changed nothing and may be retried.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IIdempotencyStore store, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotentCommand idempotent)
        {
            return await next(message, cancellationToken);
        }

        var actor = currentUser.RequiredId.ToString();
        var requestHash = Hash(message);
        var claim = await store.ClaimAsync(actor, idempotent.IdempotencyKey, requestHash, cancellationToken);
        switch (claim)
        {
            case IdempotencyClaim.Replay replay:
                return JsonSerializer.Deserialize<TResponse>(replay.ResponseJson, Json)!;
            case IdempotencyClaim.Conflict:
                return OutcomeFactory<TResponse>.Failure(new Error(
                    ErrorCode.IdempotencyKeyReused,
                    "This idempotency key was already used for a different request.",
                    "idempotencyKey"));
        }

        var response = await next(message, cancellationToken);
        if (response is not IOutcome { IsSuccess: false })
        {
            await store.CompleteAsync(actor, idempotent.IdempotencyKey, JsonSerializer.Serialize(response, Json), cancellationToken);
        }

        return response;
    }

    private static string Hash(TMessage message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(typeof(TMessage).FullName!).Concat(bytes).ToArray()));
    }
}
