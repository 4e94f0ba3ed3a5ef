using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport;

/// <summary>
/// Cancels an operation that runs longer than <see cref="RequestLimitsOptions.ExecutionTimeout"/> and answers
/// <c>EXECUTION_TIMEOUT</c> instead. The time is the service's <see cref="TimeProvider"/>, so tests move it by hand.
/// </summary>
internal static class ExecutionTimeout
{
    /// <summary>Runs <paramref name="execute"/> with a token cancelled by the client (<paramref name="clientGone"/>) or by the timeout.</summary>
    public static async Task<ExecutionResult> RunAsync(
        IServiceProvider services, CancellationToken clientGone, Func<CancellationToken, Task<ExecutionResult>> execute)
    {
        var timeout = services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.ExecutionTimeout;
        // A host of the transports alone (the transport tests) may register no clock.
        using var timer = new CancellationTokenSource(timeout, services.GetService<TimeProvider>() ?? TimeProvider.System);
        // The client leaving cancels the same source (cheaper than a linked one); TimedOut tells the two apart.
        using var clientLeft = clientGone.UnsafeRegister(static timer => ((CancellationTokenSource)timer!).Cancel(), timer);
        try
        {
            var result = await execute(timer.Token);
            return TimedOut(timer, clientGone) ? Refusal(timeout) : result;
        }
        catch (OperationCanceledException) when (TimedOut(timer, clientGone))
        {
            return Refusal(timeout);
        }
    }

    /// <summary>The result of an operation cut short: no data (what was resolved may be half a picture), one error.</summary>
    public static ExecutionResult Refusal(TimeSpan timeout) => new() { Errors = [new ExecutionTimeoutError(timeout)], Executed = true };

    private static bool TimedOut(CancellationTokenSource timer, CancellationToken clientGone)
        => timer.IsCancellationRequested && !clientGone.IsCancellationRequested;
}

/// <summary>
/// Subscriptions as GraphQL.NET runs them, with the execution timeout applied to resolving each event: the
/// subscription lives as long as its client wants, but no single event may hold a resolver longer than the limit.
/// </summary>
internal sealed class TimedSubscriptionExecutionStrategy(IOptions<RequestLimitsOptions> limits, TimeProvider clock) : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        var timeout = limits.Value.ExecutionTimeout;
        var unsubscribed = context.CancellationToken;
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(unsubscribed, timer.Token);
        context.CancellationToken = either.Token;
        try
        {
            var result = await base.ProcessDataAsync(context, node, value);
            return timer.IsCancellationRequested && !unsubscribed.IsCancellationRequested ? ExecutionTimeout.Refusal(timeout) : result;
        }
        finally
        {
            context.CancellationToken = unsubscribed;
        }
    }
}
