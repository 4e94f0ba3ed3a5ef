using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Refuses a rate-limited message once its sender used up the policy's calls for this minute, with
/// RATE_LIMITED and no change. Runs innermost, after the idempotency replay, so a retried request that
/// already went through gets its answer and uses no permit; the unit of work may re-run a message after a
/// lost race, and such a re-run of the same request is not counted again.
/// </summary>
public sealed class RateLimitBehaviour<TMessage, TResponse>(IRateLimiter limiter, ICurrentUser currentUser, RateLimitSettings settings)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IRateLimited
{
    private static readonly ConditionalWeakTable<object, object> Counted = new();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || !OutcomeFactory<TResponse>.IsOutcome || !Counted.TryAdd(message, message))
        {
            return next(message, cancellationToken);
        }

        var (permits, window) = settings.For(message.RateLimitPolicy);
        return permits > 0
            ? AcquireThenHandle(message, next, $"{message.RateLimitPolicy}:{userId.Value:N}", permits, window, cancellationToken)
            : next(message, cancellationToken);
    }

    private async ValueTask<TResponse> AcquireThenHandle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, string key, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        if (!await limiter.TryAcquireAsync(key, permits, window, cancellationToken))
        {
            return OutcomeFactory<TResponse>.Failure(new Error(ErrorCode.RateLimited, "Too many requests in a short time; wait a moment and try again."));
        }

        return await next(message, cancellationToken);
    }
}
