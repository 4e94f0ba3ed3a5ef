using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace CodeScan.Api.Diagnostics;

/// <summary>
/// What a GraphQL error tells the caller, for both transports (they share the serializer). An unexpected
/// exception is logged with its correlation id; outside Development the caller gets only
/// <c>{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR", correlationId } }</c>,
/// never the exception's kinds (GraphQL.NET would list them in <c>codes</c>: HTTP_REQUEST, SOCKET…). GraphQL.NET 8
/// has no switch for "Did you mean …" suggestions, so with suggestions off they are cut from validation messages,
/// the only place they appear.
/// </summary>
public sealed partial class ErrorPosture(bool isDevelopment, bool suggestions) : ErrorInfoProvider
{
    public const string InternalCode = "INTERNAL_SERVER_ERROR";
    public const string InternalMessage = "Internal server error.";

    /// <summary>The unhandled-exception handler: logs the details, and hands the error on wrapped with its correlation id.</summary>
    public static void OnUnhandled(UnhandledExceptionContext context)
    {
        // An ExecutionError is a refusal the resolvers chose (FORBIDDEN ending a subscription's stream, say), not a fault.
        if (context.OriginalException is ExecutionError)
        {
            return;
        }

        var services = context.Context?.RequestServices ?? context.ExecutionOptions?.RequestServices;
        var correlationId = services?.GetService<RequestCorrelation>()?.Id ?? CorrelationIds.New();
        var logger = services?.GetService<ILogger<ErrorPosture>>();
        if (logger is not null)
        {
            LogUnhandled(logger, context.OriginalException, correlationId, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(execution)");
        }

        context.Exception = new InternalServerErrorException(correlationId, context.OriginalException);
        context.ErrorMessage = InternalMessage;
    }

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError.InnerException is InternalServerErrorException hidden)
        {
            return isDevelopment ? Detailed(hidden) : new ErrorInfo
            {
                Message = InternalMessage,
                Extensions = new Dictionary<string, object?> { ["code"] = InternalCode, ["correlationId"] = hidden.CorrelationId },
            };
        }

        var info = base.GetInfo(executionError);
        if (!suggestions && executionError is ValidationError)
        {
            info.Message = Suggestion().Replace(info.Message, string.Empty);
        }

        return info;
    }

    /// <summary>In Development: the exception's message and kinds, as GraphQL.NET gives them, and the correlation id.</summary>
    private ErrorInfo Detailed(InternalServerErrorException hidden)
    {
        var info = base.GetInfo(new ExecutionError(hidden.InnerException!.Message, hidden.InnerException));
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["correlationId"] = hidden.CorrelationId;
        info.Extensions = extensions;
        return info;
    }

    [GeneratedRegex(@"\s*Did you mean .*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error {CorrelationId} at {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId, string path);
}

/// <summary>An unexpected exception as the error answer carries it: its correlation id, the original inside.</summary>
public sealed class InternalServerErrorException(string correlationId, Exception original) : Exception(ErrorPosture.InternalMessage, original)
{
    public string CorrelationId { get; } = correlationId;
}
