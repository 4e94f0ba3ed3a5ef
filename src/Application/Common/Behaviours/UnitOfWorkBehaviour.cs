using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Wraps every command in one transaction (queries never meet it: the constraint keeps it out of their pipelines): the handler decides, this behaviour commits the aggregates and
/// their events together — or rolls everything back when the handler returned an expected error.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(ITransactionRunner transactions)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return new ValueTask<TResponse>(transactions.RunAsync(
            ct => next(message, ct).AsTask(),
            response => response is not IOutcome { IsSuccess: false },
            cancellationToken));
    }
}
