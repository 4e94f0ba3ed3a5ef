using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using Mediator;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Refuses a badly shaped message before anything touches the database: a command (or a query that
/// answers with an outcome) gets its error back as the outcome, any other query fails with
/// <see cref="InvalidQueryInputException"/> (BAD_USER_INPUT).
/// </summary>
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
                return OutcomeFactory<TResponse>.IsOutcome
                    ? ValueTask.FromResult(OutcomeFactory<TResponse>.Failure(error))
                    : throw new InvalidQueryInputException(error.Message);
            }
        }

        return next(message, cancellationToken);
    }
}
