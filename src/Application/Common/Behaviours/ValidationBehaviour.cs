using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Validation;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>Refuses a badly shaped message before anything touches the database.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var validator in validators)
        {
            var error = validator.Validate(message).FirstOrDefault();
            if (error is not null)
            {
                return ValueTask.FromResult(OutcomeFactory<TResponse>.Failure(error));
            }
        }

        return next(message, cancellationToken);
    }
}
