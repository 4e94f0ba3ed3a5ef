using System.Diagnostics;
using CodeScan.Application.Common.Messaging;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>Logs each message's name, duration and expected failure code. Never logs the message body (phone numbers).</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (response is IOutcome { IsSuccess: false } failed)
            {
                logger.LogInformation("{Message} refused with {Code} in {Elapsed} ms", typeof(TMessage).Name, failed.Error!.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else if (logger.IsEnabled(LogLevel.Debug))
            {
                // Checked first: the call would box its arguments into an array on every message even with Debug off.
                logger.LogDebug("{Message} handled in {Elapsed} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "{Message} failed after {Elapsed} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
