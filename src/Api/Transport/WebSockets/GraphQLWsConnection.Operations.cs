using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Logging;
using static CodeScan.Api.Transport.WebSockets.GraphQLWsProtocol;

namespace CodeScan.Api.Transport.WebSockets;

/// <summary>Operations: <c>subscribe</c> starts one, <c>complete</c> stops it; its execution and the delivery of its results.</summary>
internal sealed partial class GraphQLWsConnection
{
    private void HandleSubscribe(string id, JsonElement payload)
    {
        if (!acknowledged)
        {
            Close(CloseCode.Unauthorized, "Unauthorized");
            return;
        }

        if (operations.ContainsKey(id))
        {
            Close(CloseCode.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (!TransportRequestParser.TryParse(payload, serializer, out var request, out var error))
        {
            Close(CloseCode.BadRequest, error);
            return;
        }

        if (operations.Count >= options.MaxOperationsPerSocket)
        {
            var tooMany = new ExecutionError(
                $"This connection already runs {options.MaxOperationsPerSocket} operations; complete one first.")
            {
                Code = "TOO_MANY_OPERATIONS",
            };
            writer.TrySend(GraphQLWsOutgoing.Error(id, serializer.Serialize(new[] { tooMany })));
            return;
        }

        var operation = new GraphQLWsOperation(id, lifetime.Token);
        operations[id] = operation;
        running[operation] = 0;
        // Off the receive loop, so a slow resolver never delays pings or other operations.
        _ = Task.Run(() => RunOperationAsync(operation, request));
    }

    private void HandleComplete(string id)
    {
        // Unknown ids are fine: the operation may have just completed on the server side.
        if (operations.TryRemove(id, out var operation))
        {
            operation.Cancel();
        }
    }

    private async Task RunOperationAsync(GraphQLWsOperation operation, TransportRequest request)
    {
        IDisposable? subscription = null;
        var scope = scopeFactory.CreateAsyncScope();
        try
        {
            var result = await GraphQLExecution.ExecuteAsync(
                request, user, scope.ServiceProvider, transportRule: null, operation.Aborted);
            if (!result.Executed)
            {
                FinishWithErrors(operation, result.Errors ?? []);
            }
            else if (result.Streams is { Count: > 0 } streams)
            {
                // A subscription has exactly one root field, hence one stream; it runs until either side ends it.
                subscription = streams.Values.First().Subscribe(new OperationObserver(this, operation));
                await operation.Ended;
            }
            else
            {
                SendNext(operation, result);
                operation.TryFinish(() => writer.TrySend(GraphQLWsOutgoing.Complete(operation.Id)));
            }
        }
        catch (OperationCanceledException) when (operation.Aborted.IsCancellationRequested)
        {
            // The client completed the operation or left; nobody is waiting for an answer.
        }
        catch (Exception exception)
        {
            ReportFailure(exception, operation.Id);
            FinishWithErrors(operation, [new ExecutionError("The operation failed unexpectedly.") { Code = "INTERNAL_SERVER_ERROR" }]);
        }
        finally
        {
            await ReleaseAsync(operation, subscription, scope);
        }
    }

    /// <summary>Lets go of a finished operation; it counts as stopped only once its scope is disposed.</summary>
    private async Task ReleaseAsync(GraphQLWsOperation operation, IDisposable? subscription, AsyncServiceScope scope)
    {
        subscription?.Dispose();
        operations.TryRemove(new KeyValuePair<string, GraphQLWsOperation>(operation.Id, operation));
        running.TryRemove(operation, out _);
        operation.Dispose();
        await scope.DisposeAsync();
        operation.MarkStopped();
    }

    private void SendNext(GraphQLWsOperation operation, ExecutionResult result)
    {
        var payload = serializer.Serialize(result);
        operation.TrySend(() => writer.TrySend(GraphQLWsOutgoing.Next(operation.Id, payload)));
    }

    private void FinishWithErrors(GraphQLWsOperation operation, IEnumerable<ExecutionError> errors)
    {
        var payload = serializer.Serialize(errors.ToArray());
        operation.TryFinish(() => writer.TrySend(GraphQLWsOutgoing.Error(operation.Id, payload)));
    }

    private void ReportFailure(Exception exception, string operationId) => LogOperationFailed(logger, exception, operationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {OperationId} failed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string operationId);

    private sealed class OperationObserver(GraphQLWsConnection connection, GraphQLWsOperation operation)
        : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.SendNext(operation, value);

        public void OnError(Exception error)
        {
            // Source-stream errors normally arrive through OnNext as results with errors; this is the rare rest.
            var message = error is ExecutionError executionError ? executionError : new ExecutionError("The subscription failed.");
            if (message != error)
            {
                connection.ReportFailure(error, operation.Id);
            }

            connection.FinishWithErrors(operation, [message]);
        }

        public void OnCompleted()
            => operation.TryFinish(() => connection.writer.TrySend(GraphQLWsOutgoing.Complete(operation.Id)));
    }
}
