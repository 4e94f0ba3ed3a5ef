using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using global::GraphQL;
using Mediator;

namespace CodeScan.Api.GraphQL;

/// <summary>
/// The one way resolvers reach the application: send a message, turn security exceptions into GraphQL
/// errors with UNAUTHENTICATED / FORBIDDEN codes, and expected errors into payload errors.
/// </summary>
public static class MediatorResolver
{
    public static Task<T> Send<T>(this IResolveFieldContext context, IQuery<T> query) =>
        Guard(() => Mediator(context).Send(query, context.CancellationToken));

    public static Task<T> Send<T>(this IResolveFieldContext context, ICommand<T> command) =>
        Guard(() => Mediator(context).Send(command, context.CancellationToken));

    /// <summary>
    /// A subscription's source stream: refusals raised while it runs (FORBIDDEN) reach the client as the same GraphQL
    /// errors, and a feed that lost the bus ends with UNAVAILABLE (the client reconnects and resumes).
    /// </summary>
    public static async Task<IObservable<T>> SendStream<T>(this IResolveFieldContext context, IQuery<IObservable<T>> query) =>
        new ErrorMappingObservable<T>(await context.Send(query), error => ToExecutionError(error) ?? error);

    private static IMediator Mediator(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IMediator>();

    private static async Task<T> Guard<T>(Func<ValueTask<T>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ToExecutionError(ex) is { } error)
        {
            throw error;
        }
    }

    private static ExecutionError? ToExecutionError(Exception exception) => exception switch
    {
        UnauthenticatedException ex => new ExecutionError(ex.Message) { Code = "UNAUTHENTICATED" },
        ForbiddenException ex => new ExecutionError(ex.Message) { Code = "FORBIDDEN" },
        NotFoundException ex => new ExecutionError(ex.Message) { Code = "NOT_FOUND" },
        InvalidQueryInputException ex => new ExecutionError(ex.Message) { Code = "BAD_USER_INPUT" },
        FeedUnavailableException ex => new ExecutionError(ex.Message) { Code = "UNAVAILABLE" },
        _ => null,
    };

    /// <summary>
    /// A query's outcome as a field value, or its error as a GraphQL error (queries have no payload to carry
    /// one): NOT_FOUND, MERCHANT_NOT_APPROVED, anything else BAD_USER_INPUT.
    /// </summary>
    public static T ValueOrError<T>(this Outcome<T> outcome) => outcome.Error switch
    {
        null => outcome.Value!,
        { Code: ErrorCode.NotFound } error => throw new ExecutionError(error.Message) { Code = "NOT_FOUND" },
        { Code: ErrorCode.MerchantNotApproved } error => throw new ExecutionError(error.Message) { Code = "MERCHANT_NOT_APPROVED" },
        { } error => throw new ExecutionError(error.Message) { Code = "BAD_USER_INPUT" },
    };

    /// <summary>Maps a command outcome to a mutation payload: the result, or one user error.</summary>
    public static Payload<TResult> ToPayload<T, TResult>(this Outcome<T> outcome, Func<T, TResult> map) =>
        outcome.IsSuccess ? new Payload<TResult>(map(outcome.Value!), []) : Payload<TResult>.Failed(outcome.Error!);
}

/// <summary>Every mutation's payload: a result, or the errors that stopped it.</summary>
public sealed record Payload<T>(T? Result, IReadOnlyList<UserError> Errors)
{
    public static Payload<T> Failed(Error error) => new(default, [UserError.From(error)]);
}

public sealed record UserError(ErrorCode Code, string Message, IReadOnlyList<string>? Path)
{
    public static UserError From(Error error) =>
        new(error.Code, error.Message, error.Field is null ? null : ["input", error.Field]);
}
